package org.offbook.prepare.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the simple cycles of a {@link MoneyGraph} up to a maximum length. Strongly connected
 * components are found first (Tarjan's algorithm, iteratively); within each, a depth-bounded search
 * starts from every entity and only visits entities that sort after it, so each cycle is found
 * exactly once, starting from its smallest entity. The search stops after {@code maxCycles}
 * cycles and says so.
 */
public final class CycleFinder {

    /**
     * The cycles found (entity ids, each cycle from its smallest entity), whether the cap on cycles
     * was hit, and why the search was cut short before it finished ({@code null} when it finished):
     * its deadline passed, or it used up its work budget.
     */
    public record Result(List<List<String>> cycles, boolean truncated, String cutShort) {
        public Result(List<List<String>> cycles, boolean truncated) {
            this(cycles, truncated, null);
        }
    }

    /** Steps of the search (edges looked at) allowed by default: about a second of work; a dense graph can need more than the age of the universe. */
    public static final long DEFAULT_MAX_STEPS = 200_000_000L;

    public static Result find(MoneyGraph g, int maxLength, int maxCycles) {
        return find(g, maxLength, maxCycles, Long.MAX_VALUE, DEFAULT_MAX_STEPS);
    }

    private CycleFinder() {
    }

    /**
     * @param deadline a {@link System#nanoTime()} value after which the search stops ({@code Long.MAX_VALUE}: none)
     * @param maxSteps edges the search may look at before it stops
     */
    public static Result find(MoneyGraph g, int maxLength, int maxCycles, long deadline, long maxSteps) {
        long steps = 0;
        String cut = null;
        List<String> ids = g.entities();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            index.put(ids.get(i), i);
        }
        int n = ids.size();
        int[][] adj = new int[n][];
        for (int i = 0; i < n; i++) {
            List<String> succ = g.successors(ids.get(i));
            adj[i] = new int[succ.size()];
            for (int k = 0; k < succ.size(); k++) {
                adj[i][k] = index.get(succ.get(k));
            }
            Arrays.sort(adj[i]);
        }
        int[] component = components(adj);
        List<List<String>> cycles = new ArrayList<>();
        boolean[] onPath = new boolean[n];
        int[] path = new int[maxLength];
        int[] next = new int[maxLength];
        for (int s = 0; s < n && cycles.size() < maxCycles; s++) {
            // iterative DFS from s over entities > s in s's component, depth <= maxLength
            int depth = 0;
            path[0] = s;
            next[0] = 0;
            onPath[s] = true;
            while (depth >= 0 && cycles.size() < maxCycles) {
                if ((++steps & 0xFFF) == 0) {
                    if (steps >= maxSteps) {
                        cut = "it looked at " + maxSteps + " edges, its work budget";
                    } else if (deadline != Long.MAX_VALUE && System.nanoTime() - deadline > 0) {
                        cut = "the run's time limit (--timeout) passed";
                    }
                    if (cut != null) {
                        break;
                    }
                }
                int v = path[depth];
                if (next[depth] >= adj[v].length) {
                    onPath[v] = false;
                    depth--;
                    continue;
                }
                int w = adj[v][next[depth]++];
                if (w == s) {
                    if (depth >= 1) {
                        List<String> cycle = new ArrayList<>(depth + 1);
                        for (int k = 0; k <= depth; k++) {
                            cycle.add(ids.get(path[k]));
                        }
                        cycles.add(cycle);
                    }
                } else if (w > s && !onPath[w] && component[w] == component[s] && depth + 1 < maxLength) {
                    depth++;
                    path[depth] = w;
                    next[depth] = 0;
                    onPath[w] = true;
                }
            }
            for (int k = 0; k <= depth; k++) { // only when stopped at maxCycles: a finished search cleared its path
                onPath[path[k]] = false;
            }
            if (cut != null) {
                break;
            }
        }
        return new Result(List.copyOf(cycles), cycles.size() >= maxCycles, cut);
    }

    /** Strongly connected component number of each node (Tarjan, iterative). */
    static int[] components(int[][] adj) {
        int n = adj.length;
        int[] idx = new int[n];
        int[] low = new int[n];
        int[] comp = new int[n];
        Arrays.fill(idx, -1);
        boolean[] onStack = new boolean[n];
        Deque<Integer> stack = new ArrayDeque<>();
        int[] edge = new int[n];
        int counter = 0;
        int comps = 0;
        Deque<Integer> call = new ArrayDeque<>();
        for (int root = 0; root < n; root++) {
            if (idx[root] >= 0) {
                continue;
            }
            call.push(root);
            idx[root] = low[root] = counter++;
            stack.push(root);
            onStack[root] = true;
            while (!call.isEmpty()) {
                int v = call.peek();
                if (edge[v] < adj[v].length) {
                    int w = adj[v][edge[v]++];
                    if (idx[w] < 0) {
                        idx[w] = low[w] = counter++;
                        stack.push(w);
                        onStack[w] = true;
                        call.push(w);
                    } else if (onStack[w]) {
                        low[v] = Math.min(low[v], idx[w]);
                    }
                } else {
                    call.pop();
                    if (!call.isEmpty()) {
                        int parent = call.peek();
                        low[parent] = Math.min(low[parent], low[v]);
                    }
                    if (low[v] == idx[v]) {
                        int w;
                        do {
                            w = stack.pop();
                            onStack[w] = false;
                            comp[w] = comps;
                        } while (w != v);
                        comps++;
                    }
                }
            }
        }
        return comp;
    }
}
