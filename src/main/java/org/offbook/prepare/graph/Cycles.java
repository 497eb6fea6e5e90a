package org.offbook.prepare.graph;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.offbook.model.Cycle;
import org.offbook.model.Fact;
import org.offbook.model.Money;

/** Turns the cycles of a {@link MoneyGraph} into {@link Cycle} facts for the rules. */
public final class Cycles {

    static final Set<String> FUNDING = Set.of("investment", "stake", "loan", "guarantee", "backstop", "warrant", "pledge-loan");

    private Cycles() {
    }

    public static List<Cycle> of(MoneyGraph g, CycleFinder.Result found, Map<String, String> names) {
        List<Cycle> out = new ArrayList<>();
        for (List<String> raw : found.cycles()) {
            List<String> cycle = rotate(g, raw);
            int n = cycle.size();
            StringBuilder path = new StringBuilder();
            boolean binding = true;
            Money smallest = null;
            boolean allAmounts = true;
            Set<String> kinds = new LinkedHashSet<>();
            List<Fact> basis = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String from = cycle.get(i);
                String to = cycle.get((i + 1) % n);
                List<Link> step = g.between(from, to);
                if (path.length() > 0) {
                    path.append("; ");
                }
                path.append(names.getOrDefault(from, from)).append(" -> ").append(names.getOrDefault(to, to)).append(": ");
                List<String> labels = new ArrayList<>();
                Money stepAmount = null;
                boolean stepBinding = false;
                for (Link l : step) {
                    labels.add(l.label());
                    kinds.add(l.kind());
                    basis.add(l.fact());
                    stepBinding |= l.binding();
                    if (l.amount() != null && (stepAmount == null || (stepAmount.sameCurrency(l.amount()) && l.amount().compareTo(stepAmount) > 0))) {
                        stepAmount = l.amount();
                    }
                }
                path.append(String.join(" and ", labels));
                binding &= stepBinding;
                if (stepAmount == null) {
                    allAmounts = false;
                } else if (smallest == null) {
                    smallest = stepAmount;
                } else if (!smallest.sameCurrency(stepAmount)) {
                    allAmounts = false;
                } else if (stepAmount.compareTo(smallest) < 0) {
                    smallest = stepAmount;
                }
            }
            out.add(new Cycle(cycle.get(0), List.copyOf(cycle), n, binding, path.toString(), allAmounts ? smallest : null,
                    List.copyOf(kinds), List.copyOf(basis)));
        }
        return out;
    }

    /** Starts the cycle at an entity that funds the next and is paid by the previous one, if any. */
    static List<String> rotate(MoneyGraph g, List<String> cycle) {
        int n = cycle.size();
        for (int i = 0; i < n; i++) {
            String me = cycle.get(i);
            String next = cycle.get((i + 1) % n);
            String prev = cycle.get((i + n - 1) % n);
            boolean funds = g.between(me, next).stream().anyMatch(l -> FUNDING.contains(l.kind()));
            boolean paid = g.between(prev, me).stream().anyMatch(l -> l.kind().equals("purchase") || l.kind().equals("lease"));
            if (funds && paid) {
                List<String> out = new ArrayList<>(cycle.subList(i, n));
                out.addAll(cycle.subList(0, i));
                return out;
            }
        }
        return cycle;
    }
}
