package org.segmint.persistence.sparkjob;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.segmint.model.segment.Condition;
import org.segmint.model.segment.MembershipCondition;
import org.segmint.model.segment.Segment;
import org.segmint.model.waterfall.ModelEntry;
import org.segmint.model.waterfall.PriorityModel;
import org.segmint.persistence.export.SavedMembers;
import org.segmint.persistence.json.Json;
import org.segmint.persistence.json.ModelFiles;
import org.segmint.persistence.json.SegmentFiles;
import org.segmint.persistence.store.ModelStore;
import org.segmint.persistence.store.References;
import org.segmint.persistence.store.SegmentStore;
import org.segmint.persistence.workspace.OutputFile;
import org.segmint.persistence.workspace.Workspace;
import org.segmint.persistence.workspace.WorkspaceException;

/**
 * Writes a job folder for {@code segmint-spark}: everything a segment or a model needs besides the data, so the
 * cluster answers as the desktop does.
 *
 * <pre>
 * FOLDER/README.md                 what the job is and how to run it
 * FOLDER/run.sh                    the spark-submit line; answers go to results/
 * FOLDER/settings.json             the as-of date of the desktop's answers
 * FOLDER/segments/*.segment.json   the segment, or the model's saved segments, and every segment they refer to
 * FOLDER/models/*.model.json       the model (model jobs)
 * FOLDER/groups.csv, lists.csv     name,customer_id of the groups and lists the definitions use
 * FOLDER/results/                  filled by run.sh (insights.json or model.json)
 * </pre>
 *
 * The cluster reads the folder with {@code --job FOLDER}: its definitions, settings and members are laid over the
 * data root's. The folder must be new or empty.
 */
public final class SparkJobFolder {
    public static final String RESULTS = "results";

    private SparkJobFolder() {
    }

    /** Writes the job; returns the files written, relative to {@code folder}. */
    public static List<String> write(Workspace ws, SparkJob job, Path folder) {
        requireEmpty(folder);
        SegmentStore segments = new SegmentStore(ws);
        List<Condition> roots = new ArrayList<>();
        List<String> written = new ArrayList<>();
        PriorityModel model = null;
        if (job.kind() == SparkJob.Kind.SEGMENT) {
            roots.add(segments.get(job.name()).segment().definition());
        } else {
            model = new ModelStore(ws).get(job.name());
            for (ModelEntry e : model.entries()) {
                roots.add(e.isInline() ? e.definition() : segments.get(e.name()).segment().definition());
            }
        }
        Map<String, Segment> needed = new LinkedHashMap<>();
        if (job.kind() == SparkJob.Kind.SEGMENT) {
            needed.put(job.name(), segments.get(job.name()).segment());
        } else {
            for (ModelEntry e : model.entries()) {
                if (!e.isInline()) {
                    needed.put(e.name(), segments.get(e.name()).segment());
                }
            }
        }
        Set<String> groups = new LinkedHashSet<>();
        Set<String> lists = new LinkedHashSet<>();
        Deque<Condition> todo = new ArrayDeque<>(roots);
        while (!todo.isEmpty()) {
            Condition c = todo.pop();
            groups.addAll(References.names(c, MembershipCondition.Kind.GROUP));
            lists.addAll(References.names(c, MembershipCondition.Kind.LIST));
            for (String name : References.names(c, MembershipCondition.Kind.SEGMENT)) {
                if (!needed.containsKey(name)) {
                    Segment s = segments.get(name).segment();
                    needed.put(name, s);
                    todo.push(s.definition());
                }
            }
        }
        try {
            Files.createDirectories(folder.resolve("segments"));
            Files.createDirectories(folder.resolve(RESULTS));
        } catch (IOException e) {
            throw OutputFile.failure(folder, e);
        }
        Set<String> fileNames = new LinkedHashSet<>();
        for (Segment s : needed.values()) {
            String file = "segments/" + unique(fileName(s.name()), ".segment.json", fileNames);
            OutputFile.writeString(folder.resolve(file), SegmentFiles.toText(s));
            written.add(file);
        }
        if (model != null) {
            try {
                Files.createDirectories(folder.resolve("models"));
            } catch (IOException e) {
                throw OutputFile.failure(folder, e);
            }
            String file = "models/" + fileName(model.name()) + ".model.json";
            OutputFile.writeString(folder.resolve(file), ModelFiles.toText(model));
            written.add(file);
        }
        if (!groups.isEmpty()) {
            members(folder.resolve("groups.csv"), groups, out -> SavedMembers.groupMembers(ws, (name, id) -> {
                if (groups.contains(name)) {
                    out.member(name, id);
                }
            }));
            written.add("groups.csv");
        }
        if (!lists.isEmpty()) {
            members(folder.resolve("lists.csv"), lists, out -> {
                for (String name : lists) {
                    SavedMembers.listMembers(ws, name, out);
                }
            });
            written.add("lists.csv");
        }
        ObjectNode settings = Json.mapper().createObjectNode();
        settings.put("asOf", job.asOf().toString());
        settings.putArray("hierarchy");
        OutputFile.writeString(folder.resolve("settings.json"), Json.write(settings));
        written.add("settings.json");
        OutputFile.writeString(folder.resolve("run.sh"), runScript(job, ws.file().getFileName().toString()));
        folder.resolve("run.sh").toFile().setExecutable(true);
        written.add("run.sh");
        OutputFile.writeString(folder.resolve("README.md"), readme(job, ws.file().getFileName().toString(),
                needed.keySet(), groups, lists));
        written.add("README.md");
        return written;
    }

    private static void requireEmpty(Path folder) {
        if (Files.isRegularFile(folder)) {
            throw new WorkspaceException(folder + ": is a file; choose a new folder for the job");
        }
        if (Files.isDirectory(folder)) {
            try (var entries = Files.list(folder)) {
                if (entries.findAny().isPresent()) {
                    throw new WorkspaceException(folder + ": the folder is not empty; choose a new folder for the"
                            + " job");
                }
            } catch (IOException e) {
                throw OutputFile.failure(folder, e);
            }
        }
    }

    /** Reads the members of the named sets into a consumer. */
    private interface MemberReader {
        void read(SavedMembers.MemberConsumer out);
    }

    /**
     * {@code name,customer_id} rows; a set without members gets one row with an empty customer id, so the job still
     * knows it exists.
     */
    private static void members(Path file, Set<String> names, MemberReader reader) {
        try (OutputFile out = OutputFile.open(file)) {
            Writer w = out.writer();
            CSVPrinter csv = new CSVPrinter(w, CSVFormat.RFC4180.builder().setHeader("name", "customer_id").build());
            Set<String> seen = new LinkedHashSet<>();
            reader.read((n, id) -> {
                csv.printRecord(n, id);
                seen.add(n);
            });
            for (String name : names) {
                if (!seen.contains(name)) {
                    csv.printRecord(name, "");
                }
            }
            csv.flush();
            out.commit();
        } catch (IOException e) {
            throw OutputFile.failure(file, e);
        }
    }

    /** The script: one spark-submit; its JSON lands in results/ only when the run succeeds. */
    static String runScript(SparkJob job, String workspace) {
        String result = job.kind().resultFile();
        String option = job.kind() == SparkJob.Kind.SEGMENT ? "--segment" : "--model";
        return "#!/bin/sh\n"
                + "# Segmint job: " + describe(job) + " from " + oneLine(workspace) + ", as of " + job.asOf() + ".\n"
                + "# Runs on Spark over the data root and writes the answer to results/" + result + ".\n"
                + "# Override with SEGMINT_DATA, SPARK_MASTER, SEGMINT_SPARK_JAR; extra spark-submit options in\n"
                + "# SPARK_SUBMIT_OPTIONS (for example --executor-memory 8g).\n"
                + "set -eu\n"
                + "JOB=\"$(cd \"$(dirname \"$0\")\" && pwd)\"\n"
                + "DATA=\"${SEGMINT_DATA:-" + shellDefault(job.dataRoot()) + "}\"\n"
                + "MASTER=\"${SPARK_MASTER:-" + shellDefault(job.master()) + "}\"\n"
                + "JAR=\"${SEGMINT_SPARK_JAR:-" + shellDefault(job.jar()) + "}\"\n"
                + "mkdir -p \"$JOB/results\"\n"
                + "spark-submit --master \"$MASTER\" ${SPARK_SUBMIT_OPTIONS:-} \"$JAR\" " + job.kind().command()
                + " --data \"$DATA\" --job \"$JOB\" " + option + " " + quote(job.name()) + " --json"
                + " > \"$JOB/results/." + result + ".part\"\n"
                + "mv \"$JOB/results/." + result + ".part\" \"$JOB/results/" + result + "\"\n"
                + "echo \"Done: $JOB/results/" + result + "\"\n";
    }

    private static String readme(SparkJob job, String workspace, Set<String> segments, Set<String> groups,
                                 Set<String> lists) {
        StringBuilder sb = new StringBuilder();
        sb.append("# Segmint on Spark: ").append(describe(job)).append("\n\n");
        sb.append("Written by Segmint from the workspace `").append(oneLine(workspace)).append("`, as of ")
                .append(job.asOf()).append(" (the date relative windows end on, the same as the desktop's answers).")
                .append("\n\n");
        sb.append("## Run it\n\n");
        sb.append("On a machine with `spark-submit` (Apache Spark 4.x, Scala 2.13, Java 17):\n\n");
        sb.append("```\nsh run.sh\n```\n\n");
        sb.append("It runs `segmint-spark.jar ").append(job.kind().command()).append("` over the data root `")
                .append(job.dataRoot()).append("` on master `").append(job.master())
                .append("` and writes the answer to `results/").append(job.kind().resultFile()).append("`. ")
                .append("Change them without editing the script: `SEGMINT_DATA=... SPARK_MASTER=... "
                        + "SEGMINT_SPARK_JAR=... sh run.sh`.\n\n");
        sb.append("The data root holds the customer data as Parquet (`customers/`, `orders/`, `order_items/`, "
                + "`events/`); `segmint-spark from-workspace` writes one from a workspace.\n\n");
        sb.append("## What is in this folder\n\n");
        sb.append("- `segments/`: ").append(String.join(", ", segments)).append("\n");
        if (job.kind() == SparkJob.Kind.MODEL) {
            sb.append("- `models/`: ").append(job.name()).append("\n");
        }
        if (!groups.isEmpty()) {
            sb.append("- `groups.csv`: the members of ").append(String.join(", ", groups))
                    .append(" (they replace the data root's groups of the same names)\n");
        }
        if (!lists.isEmpty()) {
            sb.append("- `lists.csv`: the customers of the lists ").append(String.join(", ", lists)).append("\n");
        }
        sb.append("- `settings.json`: the as-of date\n");
        sb.append("- `run.sh`: the spark-submit line\n");
        sb.append("- `results/`: the answers, once the job ran\n\n");
        sb.append("## See the answers beside the desktop's\n\n");
        sb.append("Copy the folder back (with `results/`) and open it in Segmint: File > Open Spark results....\n");
        return sb.toString();
    }

    private static String describe(SparkJob job) {
        return (job.kind() == SparkJob.Kind.SEGMENT ? "segment '" : "model '") + oneLine(job.name()) + "'";
    }

    /** A shell word: single quotes, with any single quote closed, escaped and reopened. */
    static String quote(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }

    /** Text inside a double-quoted ${VAR:-default}: the characters the shell treats specially are escaped. */
    private static String shellDefault(String text) {
        StringBuilder sb = new StringBuilder();
        for (char c : oneLine(text).toCharArray()) {
            if (c == '"' || c == '\\' || c == '$' || c == '`' || c == '}') {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }

    private static String oneLine(String text) {
        return text.replace('\n', ' ').replace('\r', ' ');
    }

    static String fileName(String name) {
        StringBuilder sb = new StringBuilder();
        boolean dash = false;
        for (char ch : name.toLowerCase(java.util.Locale.ROOT).toCharArray()) {
            if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')) {
                sb.append(ch);
                dash = false;
            } else if (!dash && sb.length() > 0) {
                sb.append('-');
                dash = true;
            }
        }
        String s = sb.toString().replaceAll("-+$", "");
        return s.isEmpty() ? "unnamed" : s;
    }

    private static String unique(String base, String suffix, Set<String> used) {
        String name = base + suffix;
        for (int i = 2; !used.add(name); i++) {
            name = base + "-" + i + suffix;
        }
        return name;
    }

    /** The as-of date written to a job folder. */
    public static LocalDate asOf(Path folder) {
        return LocalDate.parse(Json.parse(Json.read(folder.resolve("settings.json")), "settings.json").get("asOf")
                .asText());
    }
}
