package org.groundmetric.data.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.groundmetric.IllegalParameterException;
import org.groundmetric.testing.FuzzInputs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every crafted input of make_fuzz_inputs.py read through {@link CellDataReader}, the one door for cell
 * data: the broken ones are refused with one sentence naming what is wrong (each read as valid, or
 * failed with a library's internals, before the fix), the valid oddities read as they are.
 */
class FuzzInputsTest {

    @TempDir
    Path dir;

    static Stream<Arguments> broken() {
        return Stream.of(
                Arguments.of("x_cut_dense.h5ad", "/X is cut off: its data runs to byte 21488 but the file ends at byte 21388"),
                Arguments.of("x_cut_chunked.h5ad", "/X is cut off"),
                Arguments.of("signature_only.h5ad", "holds only 8 bytes"),
                Arguments.of("header_cut.h5ad", "its HDF5 structure is damaged or the file is truncated"),
                Arguments.of("zero_cells.h5ad", "X is 0 cells × 4 features"),
                Arguments.of("zero_genes.h5ad", "X is 60 cells × 0 features"),
                Arguments.of("csr_column_out_of_range.h5ad", "/X: column index 7 of stored entry 7 (row 1) is outside 0..3"),
                Arguments.of("csr_indptr_decreasing.h5ad", "/X: indptr decreases at row 5"),
                Arguments.of("categorical_code_out_of_range.h5ad", "/obs/sample: categorical code 9 at row 13"),
                Arguments.of("x_var_mismatch.h5ad", "X has 4 columns but var names 3 features"),
                Arguments.of("nan_in_x.h5ad", "X row 17 (cell 'cell17'), feature 2 ('g2') holds NaN"),
                Arguments.of("inf_in_x.h5ad", "X row 17 (cell 'cell17'), feature 2 ('g2') holds +Inf"),
                Arguments.of("huge_in_x.h5ad", "X row 17 (cell 'cell17'), feature 2 ('g2') holds +Inf"),
                Arguments.of("non_numeric_cell.csv", "line 18, column 'g1': 'abc' is not a number"),
                Arguments.of("nan_cell.csv", "line 18 (cell 'cell16'), feature 2 ('g2') holds NaN"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("broken")
    void brokenInputIsRefusedInOneSentence(String name, String expected) {
        Path file = FuzzInputs.copy(name, dir);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CellDataReader.read(file, CellDataReader.Request.of(null, null, "sample", "class")));
        String msg = e.getMessage();
        assertTrue(msg.contains(expected), msg);
        assertTrue(msg.contains(name), "names the file: " + msg);
        assertFalse(msg.contains("\n") || msg.contains("jhdf") || msg.contains("Exception"), msg);
    }

    @Test
    void nonFiniteValuesPointAtTheOptionThatLeavesTheirCellsOut() {
        Path file = FuzzInputs.copy("nan_in_x.h5ad", dir);
        IllegalParameterException e = assertThrows(IllegalParameterException.class,
                () -> CellDataReader.read(file, CellDataReader.Request.of(null, null)));
        assertEquals("CellDataReader.Request.nonFinite", e.parameter());
    }

    @Test
    void askedForCellsWithNonFiniteValuesAreLeftOutSayingHowMany() {
        for (String name : List.of("nan_in_x.h5ad", "huge_in_x.h5ad", "nan_cell.csv")) {
            Path file = FuzzInputs.copy(name, dir);
            List<String> warnings = new ArrayList<>();
            AnnData a = CellDataReader.read(file, CellDataReader.Request.of(null, null, "sample", "class")
                    .withNonFinite(CellDataReader.NonFiniteValues.DROP_CELLS), warnings::add);
            assertEquals(59, a.cells(), name);
            assertFalse(a.obs().index().contains(name.endsWith(".csv") ? "cell16" : "cell17"), name);
            assertEquals(1, warnings.size(), name);
            assertTrue(warnings.get(0).contains("left out 1 of 60 cells holding non-finite values"), warnings.get(0));
        }
    }

    @Test
    void aByteOrderMarkIsNotPartOfTheFirstColumnName() {
        AnnData plain = CellDataReader.read(FuzzInputs.copy("good.csv", dir), CellDataReader.Request.of(null, null));
        AnnData bom = CellDataReader.read(FuzzInputs.copy("bom.csv", dir), CellDataReader.Request.of(null, null));
        assertEquals(plain.obs().index(), bom.obs().index()); // "cell" is recognised as the index column
        assertEquals(plain.var().index(), bom.var().index());
        assertEquals(plain.obs().columns().keySet(), bom.obs().columns().keySet());
    }

    @Test
    void aTextCellIsMetadataOnlyWhenTheColumnIsDeclaredSo() {
        Path file = FuzzInputs.copy("non_numeric_cell.csv", dir);
        IllegalParameterException e = assertThrows(IllegalParameterException.class,
                () -> CellDataReader.read(file, CellDataReader.Request.of(null, null)));
        assertEquals("CellDataReader.Request.metadataColumns", e.parameter());
        AnnData a = CellDataReader.read(file, CellDataReader.Request.of(null, null, "g1"));
        assertEquals(List.of("g0", "g2", "g3"), a.var().index());
        assertTrue(a.obs().columns().containsKey("g1"));
    }

    @Test
    void validOdditiesReadAsTheyAre() {
        AnnData odd = CellDataReader.read(FuzzInputs.copy("odd_sample_ids.h5ad", dir), CellDataReader.Request.of(null, null));
        assertEquals("s\t0", odd.obs().columns().get("sample").text(0));
        assertEquals("s\n2", odd.obs().columns().get("sample").text(20));
        assertEquals("s\"4", odd.obs().columns().get("sample").text(40));
        AnnData dup = CellDataReader.read(FuzzInputs.copy("duplicate_genes.h5ad", dir), CellDataReader.Request.of(null, null));
        assertEquals(List.of("g2", "g0", "g3", "g1", "g2"), dup.var().index());
    }
}
