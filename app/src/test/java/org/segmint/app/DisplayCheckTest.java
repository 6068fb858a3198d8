package org.segmint.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DisplayCheckTest {
    @Test
    void linuxNeedsADisplayOthersAlwaysHaveOne() {
        assertFalse(DisplayCheck.canShowWindows("Linux", Map.of(), null));
        assertFalse(DisplayCheck.canShowWindows("Linux", Map.of("DISPLAY", " "), null));
        assertTrue(DisplayCheck.canShowWindows("Linux", Map.of("DISPLAY", ":0"), null));
        assertTrue(DisplayCheck.canShowWindows("Linux", Map.of("WAYLAND_DISPLAY", "wayland-0"), null));
        assertTrue(DisplayCheck.canShowWindows("Linux", Map.of(), "Monocle"));
        assertTrue(DisplayCheck.canShowWindows("Windows 11", Map.of(), null));
        assertTrue(DisplayCheck.canShowWindows("Mac OS X", Map.of(), null));
    }
}
