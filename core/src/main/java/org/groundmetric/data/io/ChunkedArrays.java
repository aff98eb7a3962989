package org.groundmetric.data.io;

import io.jhdf.api.Dataset;
import io.jhdf.api.dataset.ChunkedDataset;
import io.jhdf.object.datatype.FixedPoint;
import io.jhdf.object.datatype.FloatingPoint;
import io.jhdf.object.datatype.OrderedDataType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Fast reading of the long 1-d arrays of a sparse matrix (data, indices): each chunk is
 * decompressed by jhdf and decoded straight into the target primitive array, chunks in parallel.
 * jhdf's own {@code getDataFlat} first assembles the whole dataset in one byte buffer and then
 * converts it, which doubles peak memory and took twice as long as Python's h5py on a 43M-entry
 * matrix. Returns null when the fast path does not apply (not chunked, not 1-d, other types), so
 * callers fall back to jhdf.
 */
final class ChunkedArrays {

    /** Below this the plain path is as fast and simpler. */
    private static final long MIN_ELEMENTS = 1 << 16;

    private ChunkedArrays() {
    }

    static float[] floats(Dataset d) {
        Layout l = layout(d);
        if (l == null || !(d.getDataType() instanceof FloatingPoint)) {
            return null;
        }
        float[] out = new float[l.length];
        int size = d.getDataType().getSize();
        if (size != 4 && size != 8) {
            return null;
        }
        run(l, (chunk, from, count) -> {
            ByteBuffer b = ByteBuffer.wrap(chunk).order(l.order);
            if (size == 4) {
                b.asFloatBuffer().get(out, from, count);
            } else {
                for (int i = 0; i < count; i++) {
                    out[from + i] = (float) b.getDouble(i * 8);
                }
            }
        });
        return out;
    }

    static int[] ints(Dataset d) {
        Layout l = layout(d);
        if (l == null || !(d.getDataType() instanceof FixedPoint)) {
            return null;
        }
        int size = d.getDataType().getSize();
        if (size != 4 && size != 8) {
            return null;
        }
        int[] out = new int[l.length];
        run(l, (chunk, from, count) -> {
            ByteBuffer b = ByteBuffer.wrap(chunk).order(l.order);
            if (size == 4) {
                b.asIntBuffer().get(out, from, count);
            } else {
                for (int i = 0; i < count; i++) {
                    long v = b.getLong(i * 8);
                    if (v > Integer.MAX_VALUE || v < Integer.MIN_VALUE) {
                        throw new IllegalArgumentException(d.getPath() + " holds " + v
                                + ", beyond what an int index can address");
                    }
                    out[from + i] = (int) v;
                }
            }
        });
        return out;
    }

    private record Layout(ChunkedDataset dataset, int length, int chunk, ByteOrder order, int elementSize,
                          boolean deflateOnly) {
    }

    private static Layout layout(Dataset d) {
        if (!(d instanceof ChunkedDataset c) || d.getDimensions().length != 1 || d.getSize() < MIN_ELEMENTS
                || !(d.getDataType() instanceof OrderedDataType o)) {
            return null;
        }
        Hdf.requireStored(d);
        boolean deflateOnly = d.getFilters().size() == 1 && d.getFilters().get(0).getId() == 1;
        return new Layout(c, Math.toIntExact(d.getSize()), c.getChunkDimensions()[0], o.getByteOrder(),
                d.getDataType().getSize(), deflateOnly);
    }

    /**
     * One chunk's bytes. With deflate as the only filter we inflate the raw chunk ourselves into a
     * buffer of the exact size (jhdf's pipeline grows its output stream step by step); any other
     * pipeline goes through jhdf.
     */
    private static byte[] chunkBytes(Layout l, int from, java.util.zip.Inflater inflater) {
        int[] offset = {from};
        if (!l.deflateOnly) {
            return l.dataset.getDecompressedChunk(offset);
        }
        ByteBuffer raw = l.dataset.getRawChunkBuffer(offset);
        byte[] out = new byte[l.chunk * l.elementSize];
        inflater.reset();
        try {
            inflater.setInput(raw);
            int n = 0;
            while (n < out.length && !inflater.finished()) {
                int got = inflater.inflate(out, n, out.length - n);
                if (got == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                n += got;
            }
            if (n < out.length) {
                // HDF5 stores every chunk whole (edge chunks padded): fewer bytes mean a cut-off chunk
                throw new IllegalArgumentException(l.dataset.getPath() + ": the compressed chunk at entry " + from
                        + " holds " + n + " of its " + out.length + " bytes; the file is damaged or truncated");
            }
            return out;
        } catch (java.util.zip.DataFormatException e) {
            throw new IllegalArgumentException(l.dataset.getPath() + ": a compressed chunk is damaged (" + e.getMessage() + ")", e);
        }
    }

    @FunctionalInterface
    private interface ChunkDecoder {
        void decode(byte[] chunk, int from, int count);
    }

    /** Decodes every chunk into its own range of the output; the result does not depend on the thread count. */
    private static void run(Layout l, ChunkDecoder decoder) {
        int chunks = (l.length + l.chunk - 1) / l.chunk;
        int threads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "h5ad-chunks");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            int perTask = Math.max(1, chunks / (threads * 8));
            for (int first = 0; first < chunks; first += perTask) {
                int start = first;
                int end = Math.min(chunks, first + perTask);
                futures.add(pool.submit(() -> {
                    // one Inflater per task, reset between chunks: creating one per chunk showed in profiles
                    java.util.zip.Inflater inflater = new java.util.zip.Inflater();
                    try {
                        for (int c = start; c < end; c++) {
                            int from = c * l.chunk;
                            byte[] bytes = chunkBytes(l, from, inflater);
                            decoder.decode(bytes, from, Math.min(l.chunk, l.length - from));
                        }
                    } finally {
                        inflater.end();
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading " + l.dataset.getPath(), e);
        } finally {
            pool.shutdownNow();
        }
    }
}
