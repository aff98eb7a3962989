package org.groundmetric.data.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One way to read and write delimited text: quoting that survives tabs, quotes and line breaks; no BOM. */
class DelimitedTextTest {

    @TempDir
    Path dir;

    @Test
    void awkwardFieldsSurviveAWriteAndARead() throws Exception {
        String[] fields = {"plain", "a\tb", "line\nbreak", "say \"hi\"", "", " padded ", "a,b"};
        for (char sep : new char[] {'\t', ','}) {
            StringBuilder line = new StringBuilder();
            for (String f : fields) {
                line.append(line.length() == 0 ? "" : String.valueOf(sep)).append(DelimitedText.field(f, sep));
            }
            Path file = Files.writeString(dir.resolve(sep == ',' ? "t.csv" : "t.tsv"), "h1" + sep + "h2\n" + line + "\n");
            List<DelimitedText.Row> rows = DelimitedText.rows(file, sep);
            assertEquals(2, rows.size());
            assertArrayEquals(fields, rows.get(1).fields(), "separator " + (int) sep);
            assertEquals(2, rows.get(1).line());
        }
    }

    @Test
    void onlyFieldsThatNeedItAreQuoted() {
        assertEquals("donor_1", DelimitedText.field("donor_1", '\t'));
        assertEquals("a,b", DelimitedText.field("a,b", '\t'));
        assertEquals("\"a\tb\"", DelimitedText.field("a\tb", '\t'));
        assertEquals("\"x\"\"y\"", DelimitedText.field("x\"y", ','));
        assertEquals("", DelimitedText.field(null, ','));
    }

    @Test
    void aByteOrderMarkIsDroppedWhereverTextIsRead() throws Exception {
        Path file = dir.resolve("bom.csv");
        Files.write(file, "\uFEFF1.5,2\n3,4\n".getBytes(StandardCharsets.UTF_8));
        assertEquals("1.5,2", DelimitedText.lines(file).get(0));
        assertEquals("1.5", DelimitedText.rows(file, ',').get(0).fields()[0]);
    }

    @Test
    void anUnclosedQuoteIsReportedWithItsLine() throws Exception {
        Path file = Files.writeString(dir.resolve("bad.csv"), "a,b\n1,\"2\n3,4\n");
        String msg = assertThrows(IllegalArgumentException.class, () -> DelimitedText.rows(file, ',')).getMessage();
        assertTrue(msg.contains("line 2") && msg.contains("never closed"), msg);
    }
}
