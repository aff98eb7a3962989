package org.groundmetric.report;

import java.io.IOException;
import java.nio.file.Path;

/** Lets tests in other packages use {@link HeadlessChromium} (skipping when Chromium is absent). */
public final class HeadlessChromiumAccess {

    private HeadlessChromiumAccess() {
    }

    public static String dumpDom(Path page) throws IOException, InterruptedException {
        return HeadlessChromium.dumpDom(page);
    }
}
