package org.groundmetric.data.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.groundmetric.linalg.DenseMatrix;
import org.junit.jupiter.api.Test;

class CellFilterTest {

    private static AnnData data() {
        Map<String, Column> obs = new LinkedHashMap<>();
        obs.put("split", Column.Categorical.of(List.of("train", "test", "train", "val", "test")));
        obs.put("donor", new Column.Strings(new String[] {"a", "a", "b", "b", "c"}));
        DenseMatrix x = new DenseMatrix(5, 1, new float[] {0, 1, 2, 3, 4});
        return AnnData.of(x, new DataFrame(List.of("c0", "c1", "c2", "c3", "c4"), obs), DataFrame.ofIndex(List.of("g")))
                .withObsm("X_umap", new DenseMatrix(5, 1, new float[] {10, 11, 12, 13, 14}))
                .withLayer("counts", new DenseMatrix(5, 1, new float[] {20, 21, 22, 23, 24}));
    }

    @Test
    void keepsCellsWithOneOfTheValuesInEverySlot() {
        AnnData a = CellFilter.apply(data(), List.of(CellFilter.parse("split=test,val")));
        assertEquals(List.of("c1", "c3", "c4"), a.obs().index());
        assertArrayEquals(new float[] {1, 3, 4}, ((DenseMatrix) a.x()).data());
        assertArrayEquals(new float[] {11, 13, 14}, a.obsm().get("X_umap").data());
        assertArrayEquals(new float[] {21, 23, 24}, ((DenseMatrix) a.layers().get("counts")).data());
        assertEquals("val", a.obs().column("split", "k").text(1));
    }

    @Test
    void repeatedFiltersMustAllHold() {
        AnnData a = CellFilter.apply(data(), List.of(CellFilter.parse("split=train,test"), CellFilter.parse("donor=a")));
        assertEquals(List.of("c0", "c1"), a.obs().index());
        assertEquals(new CellFilter("donor", Set.of("a")), CellFilter.parse("donor=a"));
    }

    @Test
    void badFiltersAreRefusedWithTheFix() {
        for (String bad : new String[] {"split", "=train", "split=", "split=,"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CellFilter.parse(bad));
            assertTrue(e.getMessage().contains("e.g. split=train"), e.getMessage());
        }
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> CellFilter.apply(data(), List.of(CellFilter.parse("split=validation"))));
        assertTrue(none.getMessage().contains("no cell is left after the cell filter split=validation; values of split"
                + " include train, test, val"), none.getMessage());
        IllegalArgumentException column = assertThrows(IllegalArgumentException.class,
                () -> CellFilter.apply(data(), List.of(CellFilter.parse("batch=1"))));
        assertTrue(column.getMessage().contains("cell filter column 'batch' is not among the columns: split, donor"),
                column.getMessage());
    }
}
