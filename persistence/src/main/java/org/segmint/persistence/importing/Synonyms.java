package org.segmint.persistence.importing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.segmint.model.catalog.Catalog;

/**
 * The names exports give the standard columns: {@code InvoiceNo}, {@code Order number} and {@code Transaction ID}
 * all mean {@code order_id}; {@code StockCode} and {@code SKU} mean {@code product_id}; {@code Qty} means
 * {@code quantity}, and so on. A name is compared by its letters and digits only, in any case
 * ({@code "Invoice No."} = {@code invoiceno}). Each table has its own list: {@code Date} means {@code order_date} in
 * orders and {@code event_time} in events, and nothing in customers.
 */
public final class Synonyms {
    private static final Set<String> CUSTOMER_ID = Set.of("customerid", "customer", "custid", "customerno",
            "customernumber", "customernr", "customercode", "customerkey", "clientid", "client", "clientno",
            "clientnumber", "memberid", "memberno", "membernumber", "userid", "contactid", "shopperid", "buyerid");
    private static final Set<String> EMAIL = Set.of("email", "emailaddress", "mail", "mailaddress", "emailid");
    private static final Set<String> ORDER_ID = Set.of("orderid", "order", "orderno", "ordernumber", "ordernr",
            "ordercode", "invoiceno", "invoice", "invoiceid", "invoicenumber", "invoicenr", "transactionid",
            "transaction", "transactionno", "transactionnumber", "receiptno", "receiptid", "receiptnumber",
            "basketid", "ticketid", "saleid", "salesid", "bookingid");
    private static final Set<String> ORDER_DATE = Set.of("orderdate", "invoicedate", "date", "transactiondate",
            "purchasedate", "saledate", "salesdate", "orderedat", "orderdatetime", "invoicedatetime", "orderedon",
            "bookingdate", "receiptdate");
    private static final Set<String> PRODUCT_ID = Set.of("productid", "product", "productcode", "productno",
            "productnumber", "stockcode", "sku", "itemid", "itemcode", "itemno", "itemnumber", "articleid",
            "article", "articleno", "articlenumber", "ean", "upc", "gtin");
    private static final Set<String> QUANTITY = Set.of("quantity", "qty", "units", "pieces", "quantityordered",
            "qtyordered", "amountofitems");
    private static final Set<String> UNIT_PRICE = Set.of("unitprice", "price", "priceeach", "itemprice",
            "sellingprice", "saleprice", "priceperunit", "unitpriceexvat", "unitpriceinclvat");
    private static final Set<String> LINE_REVENUE = Set.of("revenue", "linetotal", "lineamount", "linerevenue",
            "totalprice", "extendedprice", "linevalue", "netlineamount");
    private static final Set<String> ORDER_REVENUE = Set.of("revenue", "total", "ordertotal", "totalamount",
            "amount", "netamount", "sales", "ordervalue", "invoicetotal", "invoiceamount", "grandtotal", "netrevenue");
    private static final Set<String> ORDER_UNITS = Set.of("units", "quantity", "qty", "items", "itemcount",
            "numberofitems");
    private static final Set<String> EVENT_TYPE = Set.of("eventtype", "event", "eventname", "action",
            "activity", "type");
    private static final Set<String> EVENT_TIME = Set.of("eventtime", "timestamp", "time", "datetime",
            "eventdate", "eventdatetime", "occurredat", "date");

    private static final Map<String, Map<String, Set<String>>> BY_TABLE = Map.of(
            Catalog.CUSTOMERS, ordered("customer_id", CUSTOMER_ID, "email", EMAIL),
            Catalog.ORDERS, ordered("order_id", ORDER_ID, "customer_id", CUSTOMER_ID, "order_date", ORDER_DATE,
                    "revenue", ORDER_REVENUE, "units", ORDER_UNITS),
            Catalog.ORDER_ITEMS, ordered("order_id", ORDER_ID, "customer_id", CUSTOMER_ID, "order_date", ORDER_DATE,
                    "product_id", PRODUCT_ID, "quantity", QUANTITY, "unit_price", UNIT_PRICE,
                    "revenue", LINE_REVENUE),
            Catalog.EVENTS, ordered("customer_id", CUSTOMER_ID, "event_type", EVENT_TYPE, "event_time", EVENT_TIME));

    private Synonyms() {
    }

    private static Map<String, Set<String>> ordered(Object... pairs) {
        Map<String, Set<String>> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            @SuppressWarnings("unchecked")
            Set<String> names = (Set<String>) pairs[i + 1];
            m.put((String) pairs[i], names);
        }
        return m;
    }

    /** A column name reduced to its lower-case letters and digits: the form synonyms are compared in. */
    public static String key(String name) {
        StringBuilder b = new StringBuilder();
        for (char ch : name.toLowerCase(Locale.ROOT).toCharArray()) {
            if (ch >= 'a' && ch <= 'z' || ch >= '0' && ch <= '9') {
                b.append(ch);
            }
        }
        return b.toString();
    }

    /** The standard column of {@code table} that a source column named {@code sourceName} stands for. */
    public static Optional<String> standardColumn(String table, String sourceName) {
        String key = key(sourceName);
        Map<String, Set<String>> columns = BY_TABLE.getOrDefault(table, Map.of());
        for (Map.Entry<String, Set<String>> e : columns.entrySet()) {
            if (e.getValue().contains(key) || key(e.getKey()).equals(key)) {
                return Optional.of(e.getKey());
            }
        }
        return Optional.empty();
    }

    /** The standard columns of {@code table} that have synonyms, in the order they are matched. */
    static List<String> columns(String table) {
        return List.copyOf(BY_TABLE.getOrDefault(table, Map.of()).keySet());
    }

    public static boolean isCustomerId(String sourceName) {
        return CUSTOMER_ID.contains(key(sourceName));
    }

    public static boolean isEmail(String sourceName) {
        return EMAIL.contains(key(sourceName));
    }

    static boolean isOrderId(String sourceName) {
        return ORDER_ID.contains(key(sourceName));
    }

    static boolean isProductId(String sourceName) {
        return PRODUCT_ID.contains(key(sourceName));
    }

    static boolean isQuantity(String sourceName) {
        return QUANTITY.contains(key(sourceName));
    }

    static boolean isUnitPrice(String sourceName) {
        return UNIT_PRICE.contains(key(sourceName));
    }

    static boolean isOrderDate(String sourceName) {
        return ORDER_DATE.contains(key(sourceName));
    }

    static boolean isEventType(String sourceName) {
        return EVENT_TYPE.contains(key(sourceName)) && !"type".equals(key(sourceName));
    }
}
