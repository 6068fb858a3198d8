package org.segmint.spark.export;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;
import org.segmint.model.catalog.FieldType;
import org.segmint.persistence.export.DataTables;

/**
 * Writes rows of typed values ({@link DataTables}) as Parquet files in the types Spark reads back as the workspace's:
 * text as {@code string}, integers as {@code bigint}, decimals as {@code double}, dates as {@code date}, datetimes as
 * {@code timestamp_ntz} (wall-clock time, no zone), yes/no as {@code boolean}. A table is split into files of at most
 * {@value #ROWS_PER_FILE} rows, so that Spark reads it in parallel.
 */
final class ParquetRows implements AutoCloseable {
    static final long ROWS_PER_FILE = 2_000_000;

    private final Configuration conf;
    private final Path folder;
    private final List<DataTables.Column> columns;
    private final MessageType schema;
    private ParquetWriter<Object[]> writer;
    private int files;
    private long rowsInFile;
    private long rows;

    ParquetRows(Configuration conf, Path folder, List<DataTables.Column> columns) {
        this.conf = conf;
        this.folder = folder;
        this.columns = List.copyOf(columns);
        this.schema = schema(columns);
    }

    static MessageType schema(List<DataTables.Column> columns) {
        Types.MessageTypeBuilder b = Types.buildMessage();
        for (DataTables.Column c : columns) {
            switch (c.type()) {
                case TEXT:
                    b.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(c.name());
                    break;
                case INTEGER:
                    b.optional(PrimitiveTypeName.INT64).named(c.name());
                    break;
                case DECIMAL:
                    b.optional(PrimitiveTypeName.DOUBLE).named(c.name());
                    break;
                case DATE:
                    b.optional(PrimitiveTypeName.INT32).as(LogicalTypeAnnotation.dateType()).named(c.name());
                    break;
                case DATETIME:
                    b.optional(PrimitiveTypeName.INT64).as(LogicalTypeAnnotation.timestampType(false,
                            LogicalTypeAnnotation.TimeUnit.MICROS)).named(c.name());
                    break;
                default:
                    b.optional(PrimitiveTypeName.BOOLEAN).named(c.name());
            }
        }
        return b.named("segmint");
    }

    void write(Object[] values) throws IOException {
        if (writer == null || rowsInFile >= ROWS_PER_FILE) {
            open();
        }
        writer.write(values);
        rowsInFile++;
        rows++;
    }

    long rows() {
        return rows;
    }

    private void open() throws IOException {
        closeWriter();
        Path file = new Path(folder, String.format("part-%05d.parquet", files++));
        writer = new Builder(HadoopOutputFile.fromPath(file, conf), schema, columns).withConf(conf)
                .withCompressionCodec(CompressionCodecName.SNAPPY).withWriteMode(ParquetFileWriter.Mode.CREATE)
                .build();
        rowsInFile = 0;
    }

    /** Closes the last file; a table without rows still gets one file, which carries its columns. */
    @Override
    public void close() throws IOException {
        if (files == 0) {
            open();
        }
        closeWriter();
    }

    private void closeWriter() throws IOException {
        if (writer != null) {
            writer.close();
            writer = null;
        }
    }

    private static final class Builder extends ParquetWriter.Builder<Object[], Builder> {
        private final MessageType schema;
        private final List<DataTables.Column> columns;

        Builder(OutputFile file, MessageType schema, List<DataTables.Column> columns) {
            super(file);
            this.schema = schema;
            this.columns = columns;
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        protected WriteSupport<Object[]> getWriteSupport(Configuration conf) {
            return new RowWriteSupport(schema, columns);
        }
    }

    private static final class RowWriteSupport extends WriteSupport<Object[]> {
        private final MessageType schema;
        private final List<DataTables.Column> columns;
        private RecordConsumer out;

        RowWriteSupport(MessageType schema, List<DataTables.Column> columns) {
            this.schema = schema;
            this.columns = columns;
        }

        @Override
        public WriteContext init(Configuration configuration) {
            return new WriteContext(schema, new HashMap<>());
        }

        @Override
        public void prepareForWrite(RecordConsumer recordConsumer) {
            this.out = recordConsumer;
        }

        @Override
        public void write(Object[] values) {
            out.startMessage();
            for (int i = 0; i < values.length; i++) {
                Object v = values[i];
                if (v == null) {
                    continue;
                }
                String name = columns.get(i).name();
                out.startField(name, i);
                add(columns.get(i).type(), v);
                out.endField(name, i);
            }
            out.endMessage();
        }

        private void add(FieldType type, Object v) {
            switch (type) {
                case TEXT:
                    out.addBinary(Binary.fromString((String) v));
                    break;
                case INTEGER:
                    out.addLong((Long) v);
                    break;
                case DECIMAL:
                    out.addDouble((Double) v);
                    break;
                case DATE:
                    out.addInteger(Math.toIntExact((Long) v));
                    break;
                case DATETIME:
                    out.addLong(Math.multiplyExact((Long) v, 1_000_000L));
                    break;
                default:
                    out.addBoolean((Boolean) v);
            }
        }
    }
}
