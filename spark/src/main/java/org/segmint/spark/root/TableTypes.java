package org.segmint.spark.root;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.ByteType;
import org.apache.spark.sql.types.CharType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.FloatType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.ShortType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.TimestampNTZType;
import org.apache.spark.sql.types.TimestampType;
import org.apache.spark.sql.types.VarcharType;
import org.segmint.model.catalog.FieldType;
import org.segmint.spark.plan.Names;

/**
 * How Spark's column types read as Segmint's attribute types, and the one normalisation every table gets when it is
 * loaded: integers become {@code bigint}, decimals {@code double} (as the desktop stores them), timestamps with a zone
 * become wall-clock timestamps without one in the session's time zone (the workspace's time), and customer ids text.
 * Columns of other types (arrays, maps, binary) are left out: no condition can use them.
 */
public final class TableTypes {
    private TableTypes() {
    }

    /** The attribute type of a Spark column type; empty for types Segmint does not offer. */
    public static Optional<FieldType> fieldType(DataType type) {
        if (type instanceof StringType || type instanceof VarcharType || type instanceof CharType) {
            return Optional.of(FieldType.TEXT);
        }
        if (type instanceof LongType || type instanceof IntegerType || type instanceof ShortType
                || type instanceof ByteType) {
            return Optional.of(FieldType.INTEGER);
        }
        if (type instanceof DoubleType || type instanceof FloatType || type instanceof DecimalType) {
            return Optional.of(FieldType.DECIMAL);
        }
        if (type instanceof DateType) {
            return Optional.of(FieldType.DATE);
        }
        if (type instanceof TimestampNTZType || type instanceof TimestampType) {
            return Optional.of(FieldType.DATETIME);
        }
        if (type instanceof BooleanType) {
            return Optional.of(FieldType.BOOLEAN);
        }
        return Optional.empty();
    }

    /** The Spark type a column of an attribute type has once loaded. */
    public static DataType sparkType(FieldType type) {
        switch (type) {
            case TEXT:
                return DataTypes.StringType;
            case INTEGER:
                return DataTypes.LongType;
            case DECIMAL:
                return DataTypes.DoubleType;
            case DATE:
                return DataTypes.DateType;
            case DATETIME:
                return DataTypes.TimestampNTZType;
            default:
                return DataTypes.BooleanType;
        }
    }

    /** The table with every offered column in its loaded type, under its own name; other columns left out. */
    public static Dataset<Row> normalize(Dataset<Row> table) {
        List<Column> columns = new ArrayList<>();
        for (StructField f : table.schema().fields()) {
            Optional<FieldType> type = fieldType(f.dataType());
            if (f.name().equals("customer_id")) {
                columns.add(Names.col(f.name()).cast(DataTypes.StringType).as(f.name()));
            } else if (type.isPresent()) {
                columns.add(Names.col(f.name()).cast(sparkType(type.get())).as(f.name()));
            }
        }
        return table.select(columns.toArray(new Column[0]));
    }
}
