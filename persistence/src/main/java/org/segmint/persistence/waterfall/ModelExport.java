package org.segmint.persistence.waterfall;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.roaringbitmap.RoaringBitmap;
import org.segmint.model.task.Cancellation;
import org.segmint.model.waterfall.EntryResult;
import org.segmint.model.waterfall.WaterfallResult;
import org.segmint.persistence.workspace.Workspace;
import org.segmint.persistence.workspace.OutputFile;
import org.segmint.persistence.workspace.WorkspaceException;

/**
 * Writes a model's result into a folder: one CSV per entry (and one for the leftovers when the model names
 * them), UTF-8 with a header row, customers in key order, plus {@code manifest.csv} listing entry, file and
 * rows. Files are named {@code 01-entry-name.csv} in model order so that they sort like the model.
 */
public final class ModelExport {
    public static final String MANIFEST = "manifest.csv";

    /** One written file. */
    public record ExportedFile(String entry, String file, long rows) {
    }

    private ModelExport() {
    }

    /**
     * Exports {@code result} into {@code folder} (created when missing) with the given columns
     * ({@code table.column} of customers or metrics; empty = customer id only).
     */
    public static List<ExportedFile> write(Workspace ws, WaterfallResult result, Path folder, List<String> columns,
                                           Cancellation cancel) {
        ExportColumns cols = ExportColumns.of(ws.catalog(), columns);
        List<String> names = new ArrayList<>();
        List<RoaringBitmap> sets = new ArrayList<>();
        for (EntryResult e : result.entries()) {
            names.add(e.name());
            sets.add(e.members());
        }
        if (result.leftoversName() != null) {
            names.add(result.leftoversName());
            sets.add(result.leftovers());
        }
        List<String> files = fileNames(names);
        long[] rows = new long[names.size()];
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new WorkspaceException(folder + ": cannot create the export folder (" + OutputFile.reason(e) + ")", e);
        }
        OutputFile[] outs = new OutputFile[names.size()];
        try {
            CSVPrinter[] printers = new CSVPrinter[names.size()];
            for (int i = 0; i < printers.length; i++) {
                outs[i] = OutputFile.open(folder.resolve(files.get(i)));
                printers[i] = new CSVPrinter(outs[i].writer(), CSVFormat.RFC4180.builder()
                        .setHeader(cols.header().toArray(String[]::new)).build());
            }
            writeRows(ws, cols, sets, printers, rows, cancel);
            for (int i = 0; i < printers.length; i++) {
                printers[i].flush();
                outs[i].commit();
            }
            List<ExportedFile> written = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                written.add(new ExportedFile(names.get(i), files.get(i), rows[i]));
            }
            writeManifest(folder.resolve(MANIFEST), written);
            return written;
        } catch (IOException e) {
            throw new WorkspaceException(folder + ": cannot write the export (" + OutputFile.reason(e) + ")", e);
        } finally {
            for (OutputFile out : outs) {
                if (out != null) {
                    out.close();
                }
            }
        }
    }

    private static void writeRows(Workspace ws, ExportColumns cols, List<RoaringBitmap> sets, CSVPrinter[] printers,
                                  long[] rows, Cancellation cancel) throws IOException {
        try (Statement st = ws.connection().createStatement();
             AutoCloseable hook = cancel.onCancel(() -> cancelQuietly(st));
             ResultSet rs = st.executeQuery(cols.sql())) {
            while (rs.next()) {
                int ck = rs.getInt(1);
                for (int i = 0; i < sets.size(); i++) {
                    // The buckets are disjoint, so the first that holds the customer is the only one.
                    if (sets.get(i).contains(ck)) {
                        printers[i].printRecord(cols.values(rs));
                        rows[i]++;
                        break;
                    }
                }
            }
        } catch (SQLException e) {
            cancel.throwIfCancelled();
            throw new WorkspaceException("Cannot read the customers to export (" + e.getMessage() + ")", e);
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new WorkspaceException("Cannot export (" + e.getMessage() + ")", e);
        }
        cancel.throwIfCancelled();
    }

    private static void writeManifest(Path file, List<ExportedFile> files) throws IOException {
        try (OutputFile out = OutputFile.open(file)) {
            CSVPrinter p = new CSVPrinter(out.writer(), CSVFormat.RFC4180.builder()
                    .setHeader("entry", "file", "rows").build());
            for (ExportedFile f : files) {
                p.printRecord(f.entry(), f.file(), f.rows());
            }
            p.flush();
            out.commit();
        }
    }

    /** "01-holiday-email.csv": position, then the name in plain lowercase letters and digits. */
    static List<String> fileNames(List<String> names) {
        List<String> files = new ArrayList<>();
        int width = Math.max(2, Integer.toString(names.size()).length());
        for (int i = 0; i < names.size(); i++) {
            String slug = Normalizer.normalize(names.get(i), Normalizer.Form.NFKD).replaceAll("\\p{M}", "")
                    .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
            if (slug.length() > 60) {
                slug = slug.substring(0, 60);
            }
            String number = String.format("%0" + width + "d", i + 1);
            files.add(slug.isEmpty() ? number + ".csv" : number + "-" + slug + ".csv");
        }
        return files;
    }

    private static void cancelQuietly(Statement st) {
        try {
            st.cancel();
        } catch (SQLException ignored) {
            // Already finished.
        }
    }

    static List<String> split(String columns) {
        return columns == null || columns.isBlank() ? List.of() : Arrays.asList(columns.split(","));
    }
}
