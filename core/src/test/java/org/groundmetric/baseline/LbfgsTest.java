package org.groundmetric.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LbfgsTest {

    @Test
    void minimisesRosenbrockFromTheClassicStart() {
        Lbfgs.Objective rosenbrock = (x, g) -> {
            double a = 1 - x[0];
            double b = x[1] - x[0] * x[0];
            g[0] = -2 * a - 400 * x[0] * b;
            g[1] = 200 * b;
            return a * a + 100 * b * b;
        };
        double[] x = {-1.2, 1};
        Lbfgs opt = new Lbfgs(200);
        double f = opt.minimize(rosenbrock, x, Budget.unlimited());
        assertEquals(1, x[0], 1e-4);
        assertEquals(1, x[1], 1e-4);
        assertTrue(f < 1e-8, "f = " + f);
        assertTrue(opt.iterations() < 100, "iterations " + opt.iterations());
    }

    @Test
    void stopsAtTheIterationLimit() {
        Lbfgs.Objective slope = (x, g) -> {
            g[0] = 1;
            return x[0]; // unbounded below: only the limit stops it
        };
        Lbfgs opt = new Lbfgs(3);
        opt.minimize(slope, new double[] {0}, Budget.unlimited());
        assertEquals(3, opt.iterations());
    }
}
