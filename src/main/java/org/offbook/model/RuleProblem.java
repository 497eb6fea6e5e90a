package org.offbook.model;

/** A problem a rule caused while running (a template naming an unknown value, say), for the error list. */
public record RuleProblem(String ruleId, String ruleFile, int line, String message) {
}
