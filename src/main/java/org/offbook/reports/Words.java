package org.offbook.reports;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.offbook.model.Finding;

/** Small text helpers shared by the HTML page and the link diagram. */
final class Words {

    private Words() {
    }

    /** A finding's entities, subject first, each once. */
    static List<String> entitiesOf(Finding f) {
        Set<String> out = new LinkedHashSet<>();
        out.add(nn(f.subject()));
        for (String e : nz(f.entities())) {
            if (e != null) {
                out.add(e);
            }
        }
        return new ArrayList<>(out);
    }

    static String plural(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    static String capitalise(String s) {
        return s == null || s.isEmpty() ? "" : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    static String nn(String s) {
        return s == null ? "" : s;
    }

    static <T> List<T> nz(List<T> list) {
        return list == null ? List.of() : list;
    }
}
