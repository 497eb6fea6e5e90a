package org.offbook.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The page builder escapes every value by construction and refuses markup it cannot write safely. */
class MarkupTest {

    @Test
    void valuesAndTextsAreEscapedAndInputIsIsolated() {
        Markup m = new Markup();
        m.open("td", "class", "a\"><script>", "title", null).text("<b>&").input("<i>").close("td");
        assertEquals("<td class=\"a&quot;&gt;&lt;script&gt;\">&lt;b&gt;&amp;<bdi>&lt;i&gt;</bdi></td>", m.toString(),
                "attribute and text escaped, input isolated, a null attribute left out");
        Markup t = new Markup();
        t.start("span", "class", "st").inlineAttr("title", "a\"b").inlineAttr("lang", null).end().inline("x&y").close("span");
        assertEquals("<span class=\"st\" title=\"&#x2068;a&quot;b&#x2069;\">&#x2068;x&amp;y&#x2069;</span>", t.toString());
        assertEquals("<dd><bdi>Paid <bdi>\u05d0\u05d1</bdi> 5</bdi></dd>",
                new Markup().open("dd").quoting("Paid \u05d0\u05d1 5", List.of("\u05d0\u05d1")).close("dd").toString());
    }

    @Test
    void namesMustBeOursAndOnlyVoidElementsSelfClose() {
        assertThrows(IllegalArgumentException.class, () -> new Markup().open("td onclick=alert(1)"));
        assertThrows(IllegalArgumentException.class, () -> new Markup().open("td", "on click", "x"));
        assertThrows(IllegalArgumentException.class, () -> new Markup().open("td", "class"), "name without a value");
        assertThrows(IllegalArgumentException.class, () -> new Markup().empty("span"), "an HTML parser reads <span/> as an open tag");
        assertEquals("<br/><rect x=\"1\"/>", new Markup().empty("br").empty("rect", "x", "1").toString());
    }
}
