package dev.collector.dialer.pacing;

/** The standard normal distribution, as far as pacing needs it. */
final class Normal {

    private Normal() {
    }

    static double density(double x) {
        return Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
    }

    static double cdf(double x) {
        return 0.5 * erfc(-x / Math.sqrt(2));
    }

    /**
     * E[(X)+] for X normal with mean {@code mean} and standard deviation {@code sd}: the expected
     * shortfall of agents, in calls, when X is answers minus agents available.
     */
    static double expectedPositivePart(double mean, double sd) {
        if (Double.isNaN(mean) || Double.isNaN(sd)) {
            throw new IllegalArgumentException("mean and sd must be numbers: " + mean + ", " + sd);
        }
        if (sd <= 1e-12) {
            return Math.max(mean, 0);
        }
        double z = mean / sd;
        return sd * density(z) + mean * cdf(z);
    }

    /** Complementary error function, fractional error below 1.2e-7 (Numerical Recipes' erfcc). */
    private static double erfc(double x) {
        double z = Math.abs(x);
        double t = 1 / (1 + 0.5 * z);
        double r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? r : 2 - r;
    }
}
