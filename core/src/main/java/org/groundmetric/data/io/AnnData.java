package org.groundmetric.data.io;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.groundmetric.linalg.CellMatrix;
import org.groundmetric.linalg.DenseMatrix;

/**
 * An annotated cells × features matrix in memory, shaped like Python's AnnData: {@code X} (dense or
 * CSR, float32), the {@code obs} table (one row per cell) and {@code var} table (one row per
 * feature), dense per-cell embeddings ({@code obsm}), dense per-feature matrices ({@code varm}),
 * extra matrices of X's shape ({@code layers}) and free-form metadata ({@code uns}: nested maps of
 * strings, numbers, and arrays).
 *
 * @param x      cells × features
 * @param obs    one row per cell
 * @param var    one row per feature
 * @param obsm   embeddings with one row per cell, e.g. X_pca, X_umap
 * @param varm   matrices with one row per feature, e.g. PCs
 * @param layers other matrices of X's shape, e.g. counts
 * @param uns    nested map: values are String, Number, Boolean, double[], long[], String[], or Map
 */
public record AnnData(CellMatrix x, DataFrame obs, DataFrame var, Map<String, DenseMatrix> obsm,
                      Map<String, DenseMatrix> varm, Map<String, CellMatrix> layers, Map<String, Object> uns) {

    public AnnData {
        obsm = frozen(obsm);
        varm = frozen(varm);
        layers = frozen(layers);
        uns = frozen(uns);
        if (x.rows() != obs.rows() || x.cols() != var.rows()) {
            throw new IllegalArgumentException("X is " + x.rows() + "×" + x.cols() + " but obs has " + obs.rows()
                    + " rows and var " + var.rows());
        }
        obsm.forEach((k, m) -> check("obsm", k, m.rows(), obs.rows(), "cells"));
        varm.forEach((k, m) -> check("varm", k, m.rows(), var.rows(), "features"));
        layers.forEach((k, m) -> {
            if (m.rows() != x.rows() || m.cols() != x.cols()) {
                throw new IllegalArgumentException("layer '" + k + "' is " + m.rows() + "×" + m.cols()
                        + " but X is " + x.rows() + "×" + x.cols());
            }
        });
    }

    /** X with obs/var index only. */
    public static AnnData of(CellMatrix x, DataFrame obs, DataFrame var) {
        return new AnnData(x, obs, var, Map.of(), Map.of(), Map.of(), Map.of());
    }

    public int cells() {
        return x.rows();
    }

    public int features() {
        return x.cols();
    }

    /** The cells at the given obs rows, in that order: X, obs, obsm and layers (var, varm and uns kept). */
    public AnnData selectCells(int[] rows) {
        Map<String, DenseMatrix> keptObsm = new LinkedHashMap<>();
        obsm.forEach((k, m) -> keptObsm.put(k, m.selectRows(rows)));
        Map<String, CellMatrix> keptLayers = new LinkedHashMap<>();
        layers.forEach((k, m) -> keptLayers.put(k, m.selectRows(rows)));
        return new AnnData(x.selectRows(rows), obs.selectRows(rows), var, keptObsm, varm, keptLayers, uns);
    }

    public AnnData withObsm(String key, DenseMatrix m) {
        return new AnnData(x, obs, var, plus(obsm, key, m), varm, layers, uns);
    }

    public AnnData withVarm(String key, DenseMatrix m) {
        return new AnnData(x, obs, var, obsm, plus(varm, key, m), layers, uns);
    }

    public AnnData withLayer(String key, CellMatrix m) {
        return new AnnData(x, obs, var, obsm, varm, plus(layers, key, m), uns);
    }

    public AnnData withUns(String key, Object value) {
        return new AnnData(x, obs, var, obsm, varm, layers, plus(uns, key, value));
    }

    private static <V> Map<String, V> plus(Map<String, V> map, String key, V value) {
        Map<String, V> out = new LinkedHashMap<>(map);
        out.put(key, value);
        return out;
    }

    private static <V> Map<String, V> frozen(Map<String, V> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    private static void check(String slot, String key, int rows, int expected, String what) {
        if (rows != expected) {
            throw new IllegalArgumentException(slot + " '" + key + "' has " + rows + " rows, expected one per "
                    + what + " (" + expected + ")");
        }
    }
}
