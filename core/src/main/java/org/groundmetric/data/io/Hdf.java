package org.groundmetric.data.io;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.api.dataset.ContiguousDataset;
import io.jhdf.dataset.chunked.Chunk;
import io.jhdf.dataset.chunked.ChunkedDatasetBase;
import io.jhdf.object.datatype.EnumDataType;
import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.util.Map;

/** Small conversions from what io.jhdf returns (arrays of any primitive type) to what we store. */
final class Hdf {
    private Hdf() {
    }

    /** A string attribute (anndata writes them scalar), or null when absent. */
    static String stringAttribute(Node node, String name) {
        Attribute a = node.getAttribute(name);
        if (a == null) {
            return null;
        }
        Object data = a.getData();
        if (data instanceof String s) {
            return s;
        }
        if (data != null && data.getClass().isArray() && Array.getLength(data) == 1) {
            return String.valueOf(Array.get(data, 0));
        }
        return String.valueOf(data);
    }

    /** A string-array attribute such as column-order; empty when absent or an empty numeric array. */
    static String[] stringsAttribute(Node node, String name) {
        Attribute a = node.getAttribute(name);
        if (a == null || a.isEmpty()) {
            return new String[0];
        }
        Object data = a.getData();
        if (data instanceof String s) {
            return new String[] {s};
        }
        if (data instanceof String[] s) {
            return s;
        }
        return new String[0];
    }

    static long[] longsAttribute(Node node, String name) {
        Attribute a = node.getAttribute(name);
        return a == null ? null : toLongs(a.getData());
    }

    static Node child(Group g, String name) {
        return g.getChildren().get(name);
    }

    static Group group(Group g, String name) {
        Node n = child(g, name);
        return n instanceof Group gg ? gg : null;
    }

    static Dataset dataset(Group g, String name) {
        Node n = child(g, name);
        return n instanceof Dataset d ? d : null;
    }

    static String encoding(Node node) {
        return stringAttribute(node, "encoding-type");
    }

    /** Entries along the first dimension (0 for an empty dataset, 1 for a scalar). */
    static int length(Dataset d) {
        int[] dims = d.getDimensions();
        return dims.length == 0 ? 1 : dims[0];
    }

    /**
     * Every value of the dataset, flat, after checking that its stored bytes lie inside the file:
     * io.jhdf reads a region past the end of a truncated file as zeros instead of failing, which
     * gave a cut-off matrix that read as valid. An empty dataset gives null.
     */
    static Object flat(Dataset d) {
        requireStored(d);
        return d.getSize() == 0 ? null : d.getDataFlat();
    }

    /** Refuses a dataset whose data (contiguous) or any of whose chunks (chunked) run past the end of the file. */
    static void requireStored(Dataset d) {
        HdfFile file = d.getHdfFile();
        long end = file.size();
        long base = file.getUserBlockSize();
        if (d instanceof ContiguousDataset c) {
            long address = c.getDataAddress();
            if (address >= 0 && d.getSize() > 0) {
                requireInside(d, base + address + d.getSizeInBytes(), end);
            }
        } else if (d instanceof ChunkedDatasetBase c) {
            for (Chunk chunk : chunks(c).values()) {
                requireInside(d, base + chunk.getAddress() + chunk.getSize(), end);
            }
        }
    }

    private static void requireInside(Dataset d, long last, long end) {
        if (last > end) {
            throw new IllegalArgumentException(d.getPath() + " is cut off: its data runs to byte " + last
                    + " but the file ends at byte " + end + "; the file is truncated (an interrupted copy or"
                    + " download?), write or copy it again");
        }
    }

    /** jhdf keeps a chunked dataset's chunk index (address and size of every chunk) behind a protected method. */
    @SuppressWarnings("unchecked")
    private static Map<?, Chunk> chunks(ChunkedDatasetBase c) {
        try {
            Method lookup = ChunkedDatasetBase.class.getDeclaredMethod("getChunkLookup");
            lookup.setAccessible(true);
            return (Map<?, Chunk>) lookup.invoke(c);
        } catch (java.lang.reflect.InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re; // jhdf could not read the chunk index: a damaged file, reported by the caller
            }
            throw new IllegalStateException("cannot list the chunks of " + c.getPath(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot list the chunks of " + c.getPath() + " with this io.jhdf", e);
        }
    }

    /** Every value as float (float64 and integers are rounded to float32, our storage type). */
    static float[] floats(Dataset d) {
        Object data = flat(d);
        if (data == null) {
            return new float[0];
        }
        if (data instanceof float[] f) {
            return f;
        }
        int n = Array.getLength(data);
        float[] out = new float[n];
        if (data instanceof double[] a) {
            for (int i = 0; i < n; i++) {
                out[i] = (float) a[i];
            }
        } else if (data instanceof int[] a) {
            for (int i = 0; i < n; i++) {
                out[i] = a[i];
            }
        } else if (data instanceof long[] a) {
            for (int i = 0; i < n; i++) {
                out[i] = a[i];
            }
        } else if (data instanceof short[] a) {
            for (int i = 0; i < n; i++) {
                out[i] = a[i];
            }
        } else if (data instanceof byte[] a) {
            for (int i = 0; i < n; i++) {
                out[i] = a[i];
            }
        } else if (data instanceof boolean[] a) {
            for (int i = 0; i < n; i++) {
                out[i] = a[i] ? 1f : 0f;
            }
        } else {
            throw new IllegalArgumentException(d.getPath() + " holds " + d.getJavaType().getSimpleName()
                    + " values, expected numbers");
        }
        return out;
    }

    static double[] doubles(Dataset d) {
        Object data = flat(d);
        if (data == null) {
            return new double[0];
        }
        if (data instanceof double[] a) {
            return a;
        }
        if (data instanceof String[] s && d.getDataType() instanceof EnumDataType) {
            double[] out = new double[s.length];
            for (int i = 0; i < s.length; i++) {
                out[i] = "TRUE".equalsIgnoreCase(s[i]) ? 1 : 0;
            }
            return out;
        }
        long[] asLong = data instanceof float[] ? null : toLongsOrNull(data);
        if (asLong != null) {
            double[] out = new double[asLong.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = asLong[i];
            }
            return out;
        }
        float[] f = floats(d);
        double[] out = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            out[i] = f[i];
        }
        return out;
    }

    /** A 2-d numeric dataset as rows of doubles (float32 values exactly, integers converted). */
    static double[][] doubleRows(Dataset d) {
        int[] dims = d.getDimensions();
        double[] flat = doubles(d);
        if (flat.length != (long) dims[0] * dims[1]) {
            throw new IllegalArgumentException(d.getPath() + " holds " + flat.length + " values for its shape "
                    + dims[0] + " × " + dims[1]);
        }
        double[][] out = new double[dims[0]][dims[1]];
        for (int i = 0; i < dims[0]; i++) {
            System.arraycopy(flat, i * dims[1], out[i], 0, dims[1]);
        }
        return out;
    }

    static int[] ints(Dataset d) {
        Object data = flat(d);
        if (data == null) {
            return new int[0];
        }
        if (data instanceof int[] a) {
            return a;
        }
        long[] l = toLongs(data);
        int[] out = new int[l.length];
        for (int i = 0; i < l.length; i++) {
            if (l[i] > Integer.MAX_VALUE || l[i] < Integer.MIN_VALUE) {
                throw new IllegalArgumentException(d.getPath() + " holds " + l[i] + " at " + i
                        + ", beyond what an int index can address (matrices over 2^31 entries are not supported)");
            }
            out[i] = (int) l[i];
        }
        return out;
    }

    static String[] strings(Dataset d) {
        Object data = flat(d);
        if (data == null) {
            return new String[0];
        }
        if (data instanceof String[] s) {
            return s;
        }
        throw new IllegalArgumentException(d.getPath() + " holds " + d.getJavaType().getSimpleName()
                + " values, expected strings");
    }

    static boolean isBoolean(Dataset d) {
        return d.getDataType() instanceof EnumDataType e && e.getEnumMapping().size() == 2
                && e.getEnumMapping().containsValue("TRUE") && e.getEnumMapping().containsValue("FALSE")
                || d.getJavaType() == boolean.class || d.getJavaType() == Boolean.class;
    }

    static boolean[] booleans(Dataset d) {
        Object data = flat(d);
        if (data == null) {
            return new boolean[0];
        }
        if (data instanceof boolean[] b) {
            return b;
        }
        if (data instanceof String[] s) {
            boolean[] out = new boolean[s.length];
            for (int i = 0; i < s.length; i++) {
                out[i] = "TRUE".equalsIgnoreCase(s[i]);
            }
            return out;
        }
        long[] l = toLongs(data);
        boolean[] out = new boolean[l.length];
        for (int i = 0; i < l.length; i++) {
            out[i] = l[i] != 0;
        }
        return out;
    }

    static boolean isIntegerType(Dataset d) {
        Class<?> t = d.getJavaType();
        return t == int.class || t == long.class || t == short.class || t == byte.class
                || t == Integer.class || t == Long.class || t == Short.class || t == Byte.class;
    }

    static long[] toLongs(Object data) {
        if (data == null) {
            return new long[0]; // an empty dataset
        }
        long[] out = toLongsOrNull(data);
        if (out == null) {
            throw new IllegalArgumentException("expected integers, got " + data.getClass().getSimpleName());
        }
        return out;
    }

    private static long[] toLongsOrNull(Object data) {
        if (data instanceof long[] a) {
            return a;
        }
        if (data instanceof Number n) {
            return new long[] {n.longValue()};
        }
        if (!(data instanceof int[] || data instanceof short[] || data instanceof byte[])) {
            return null;
        }
        int n = Array.getLength(data);
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            out[i] = ((Number) Array.get(data, i)).longValue();
        }
        return out;
    }
}
