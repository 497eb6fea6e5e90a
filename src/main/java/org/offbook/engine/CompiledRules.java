package org.offbook.engine;

import java.util.List;
import java.util.Map;
import org.kie.api.KieBase;
import org.offbook.model.RuleInfo;
import org.offbook.model.Threshold;
import org.offbook.model.Problem;

/**
 * The result of compiling the rule folders: a rule base (null when nothing compiled), the rules
 * it holds, the thresholds, which DRL file each rule came from, and every problem found.
 */
public record CompiledRules(KieBase kieBase, List<RuleInfo> rules, List<Threshold> thresholds,
                            Map<String, String> ruleFiles, Map<String, Integer> ruleLines, List<String> drlFiles,
                            List<Problem> errors, boolean fromCache) {
}
