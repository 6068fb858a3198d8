package org.segmint.app.shell;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Packs the rendered PNGs of {@code assets/icon/} into the icon files installers want: {@code segmint.ico}
 * (Windows: an icon directory whose images are PNGs, 16 to 256 px) and {@code segmint.icns} (macOS: PNG entries
 * {@code icp4}, {@code icp5}, {@code icp6}, {@code ic07}, {@code ic08}). Linux installers take the 256 px PNG as it
 * is. Run from the repository root after {@link AppIconRenderer}:
 * {@code java app/src/test/java/org/segmint/app/shell/IconFiles.java assets/icon}.
 * {@code IconFilesTest} checks that the committed files are what this writes.
 */
public final class IconFiles {
    static final int[] ICO_SIZES = {16, 32, 48, 64, 128, 256};
    static final int[] ICNS_SIZES = {16, 32, 64, 128, 256};
    static final String[] ICNS_TYPES = {"icp4", "icp5", "icp6", "ic07", "ic08"};

    private IconFiles() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "assets/icon");
        Files.write(dir.resolve("segmint.ico"), ico(dir));
        Files.write(dir.resolve("segmint.icns"), icns(dir));
    }

    static byte[] ico(Path dir) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        // ICONDIR and ICONDIRENTRY are little-endian
        writeShortLe(bytes, 0);
        writeShortLe(bytes, 1);
        writeShortLe(bytes, ICO_SIZES.length);
        int offset = 6 + 16 * ICO_SIZES.length;
        byte[][] images = new byte[ICO_SIZES.length][];
        for (int i = 0; i < ICO_SIZES.length; i++) {
            int size = ICO_SIZES[i];
            images[i] = png(dir, size);
            bytes.write(size >= 256 ? 0 : size);
            bytes.write(size >= 256 ? 0 : size);
            bytes.write(0);
            bytes.write(0);
            writeShortLe(bytes, 1);
            writeShortLe(bytes, 32);
            writeIntLe(bytes, images[i].length);
            writeIntLe(bytes, offset);
            offset += images[i].length;
        }
        for (byte[] image : images) {
            bytes.write(image);
        }
        return bytes.toByteArray();
    }

    static byte[] icns(Path dir) throws IOException {
        ByteArrayOutputStream entries = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(entries);
        for (int i = 0; i < ICNS_SIZES.length; i++) {
            byte[] image = png(dir, ICNS_SIZES[i]);
            out.write(ICNS_TYPES[i].getBytes(StandardCharsets.US_ASCII));
            out.writeInt(8 + image.length);
            out.write(image);
        }
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        DataOutputStream header = new DataOutputStream(file);
        header.write("icns".getBytes(StandardCharsets.US_ASCII));
        header.writeInt(8 + entries.size());
        header.write(entries.toByteArray());
        return file.toByteArray();
    }

    private static byte[] png(Path dir, int size) throws IOException {
        return Files.readAllBytes(dir.resolve("segmint-" + size + ".png"));
    }

    private static void writeShortLe(ByteArrayOutputStream out, int v) {
        out.write(v & 0xff);
        out.write((v >> 8) & 0xff);
    }

    private static void writeIntLe(ByteArrayOutputStream out, int v) {
        writeShortLe(out, v & 0xffff);
        writeShortLe(out, (v >>> 16) & 0xffff);
    }
}
