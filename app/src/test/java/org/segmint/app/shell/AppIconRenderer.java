package org.segmint.app.shell;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Arc2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import javax.imageio.ImageIO;

/**
 * Draws the Segmint icon (a pie with one segment pulled out, on a rounded indigo tile) at every size the app
 * uses. Run from the repository root to regenerate {@code assets/icon/}:
 * {@code java app/src/test/java/org/segmint/app/shell/AppIconRenderer.java assets/icon}.
 */
public final class AppIconRenderer {
    private static final int[] SIZES = {16, 32, 48, 64, 128, 256};

    private AppIconRenderer() {
    }

    public static void main(String[] args) throws IOException {
        File dir = new File(args.length > 0 ? args[0] : "assets/icon");
        dir.mkdirs();
        for (int size : SIZES) {
            ImageIO.write(render(size), "png", new File(dir, "segmint-" + size + ".png"));
        }
    }

    static BufferedImage render(int size) {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        double s = size;
        double inset = s * 0.04;
        g.setPaint(new GradientPaint(0, 0, new Color(0x5B, 0x4B, 0xF0), (float) s, (float) s,
                new Color(0x2E, 0x8B, 0xC9)));
        g.fill(new RoundRectangle2D.Double(inset, inset, s - 2 * inset, s - 2 * inset, s * 0.42, s * 0.42));

        // the pie: three quarters in white, the remaining quarter pulled out towards the top right
        double r = s * 0.27;
        double cx = s * 0.46;
        double cy = s * 0.54;
        g.setColor(new Color(255, 255, 255, 235));
        g.fill(new Arc2D.Double(cx - r, cy - r, 2 * r, 2 * r, 90, 270, Arc2D.PIE));
        double shift = s * 0.075;
        g.setColor(new Color(0xFF, 0xC8, 0x4A));
        g.fill(new Arc2D.Double(cx - r + shift, cy - r - shift, 2 * r, 2 * r, 0, 90, Arc2D.PIE));
        if (size >= 48) {
            // a thin ring hints at the audience around the segment; too fine to draw at small sizes
            g.setColor(new Color(255, 255, 255, 90));
            g.setStroke(new BasicStroke((float) (s * 0.025)));
            double rr = r * 1.32;
            g.draw(new Ellipse2D.Double(cx - rr, cy - rr, 2 * rr, 2 * rr));
        }
        g.dispose();
        return img;
    }
}
