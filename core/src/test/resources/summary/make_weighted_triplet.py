"""Reference GGML triplet loss and gradient for summarised (weighted) samples, for TripletObjectiveTest.

Run with /usr/bin/python3 (POT 0.8.2, NumPy): writes weighted_triplet.json beside this file. Three
samples of weighted points (float32 values, masses summing to 1), a W; POT's ot.emd gives the
optimal plans with the weights, W_θ = Σ π·‖W(x − y)‖, and the gradient of
relu(W_θ(Xi,Xj) − W_θ(Xj,Xk) + α) is Σ π W(x − y)(x − y)ᵀ/‖W(x − y)‖ through the plans (the plan is
optimal, so it is the derivative; the points are in general position, so the plans are unique).
"""
import json
import os

import numpy as np
import ot

rng = np.random.default_rng(140)


def cloud(n, d, shift):
    x = (rng.normal(0, 1, size=(n, d)) + shift).astype(np.float32).astype(np.float64)
    w = rng.random(n) + 0.1
    return x, w / w.sum()


def plan_and_grad(W, x, a, y, b):
    diff = x[:, None, :] - y[None, :, :]
    proj = np.einsum("rd,ijd->ijr", W, diff)
    cost = np.linalg.norm(proj, axis=2)
    plan = ot.emd(a, b, cost)
    value = float((plan * cost).sum())
    coef = np.where(cost > 0, plan / np.where(cost > 0, cost, 1), 0)
    grad = np.einsum("ij,ijr,ijd->rd", coef, proj, diff)
    return value, grad


cases = []
for name, sizes, d, k, alpha in [("small", (5, 7, 6), 4, 2, 3.0), ("wider", (12, 9, 15), 6, 3, 20.0)]:
    (xi, ai), (xj, aj), (xk, ak) = cloud(sizes[0], d, 0.0), cloud(sizes[1], d, 0.3), cloud(sizes[2], d, 1.0)
    W = rng.normal(0, 1, size=(k, d))
    w_ij, g_ij = plan_and_grad(W, xi, ai, xj, aj)
    w_jk, g_jk = plan_and_grad(W, xj, aj, xk, ak)
    loss = max(0.0, w_ij - w_jk + alpha)
    grad = (g_ij - g_jk) if loss > 0 else np.zeros_like(W)
    cases.append({"name": name, "Xi": xi.tolist(), "ai": ai.tolist(), "Xj": xj.tolist(), "aj": aj.tolist(),
                  "Xk": xk.tolist(), "ak": ak.tolist(), "W": W.tolist(), "alpha": alpha,
                  "w_ij": w_ij, "w_jk": w_jk, "loss": loss, "grad": grad.tolist()})

with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "weighted_triplet.json"), "w") as f:
    json.dump({"source": "POT " + ot.__version__ + " ot.emd with weights; gradient through the plan (NumPy)",
               "cases": cases}, f)
