package org.offbook.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.offbook.model.Finding;

/**
 * What the benchmark compares between offbook, the baseline and the planted list: the rule id,
 * the subject, and the other entities the finding names (sorted, without the subject).
 */
public record FindingKey(String rule, String subject, List<String> related) implements Comparable<FindingKey> {

    public static FindingKey of(String rule, String subject, Collection<String> related) {
        List<String> r = new ArrayList<>(new java.util.TreeSet<>(related));
        r.remove(subject);
        return new FindingKey(rule, subject, List.copyOf(r));
    }

    public static FindingKey of(Finding f) {
        return of(f.ruleId(), f.subject(), f.entities());
    }

    @Override
    public int compareTo(FindingKey o) {
        int c = rule.compareTo(o.rule);
        if (c == 0) {
            c = subject.compareTo(o.subject);
        }
        return c != 0 ? c : String.join(",", related).compareTo(String.join(",", o.related));
    }

    @Override
    public String toString() {
        return rule + " " + subject + (related.isEmpty() ? "" : " -> " + String.join(",", related));
    }
}
