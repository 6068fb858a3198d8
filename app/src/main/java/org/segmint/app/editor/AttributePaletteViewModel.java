package org.segmint.app.editor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.segmint.model.catalog.Catalog;
import org.segmint.model.catalog.Field;
import org.segmint.model.segment.Comparison;
import org.segmint.model.segment.ConditionKind;
import org.segmint.model.segment.Condition;
import org.segmint.model.segment.EventCondition;
import org.segmint.model.segment.Measure;
import org.segmint.model.segment.MembershipCondition;
import org.segmint.model.segment.PurchaseCondition;
import org.segmint.model.segment.SequenceCondition;
import org.segmint.model.segment.TimeUnit;
import org.segmint.model.segment.Window;

/**
 * The attribute palette: catalog fields grouped by table with their types, plus behaviour and
 * membership conditions, filtered by a search text. Turns a dragged item's key into the condition the
 * drop adds.
 */
public final class AttributePaletteViewModel {

    /** A heading of the palette with the items under it. */
    public record Section(String title, List<PaletteItem> items) {
    }

    private final Catalog catalog;
    private final Supplier<List<String>> eventTypes;
    private final List<Section> all;

    // Properties //
    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private final ObservableList<Section> sections = FXCollections.observableArrayList();

    /** @param eventTypes the event types of the workspace, most common first (for new event conditions) */
    public AttributePaletteViewModel(Catalog catalog, Supplier<List<String>> eventTypes) {
        this.catalog = catalog;
        this.eventTypes = eventTypes;
        this.all = buildSections(catalog);
        search.addListener((obs, old, text) -> filter());
        filter();
    }

    private static List<Section> buildSections(Catalog catalog) {
        List<Section> result = new ArrayList<>();
        List<PaletteItem> behaviours = new ArrayList<>();
        for (ConditionKind kind : ConditionKind.values()) {
            // Groups and negations are made in the editor itself; attributes come from the catalog below.
            PaletteItem item = switch (kind) {
                case ALL, ANY, NOT, ATTRIBUTE -> null;
                case PURCHASE -> new PaletteItem(PaletteItem.keyOf(kind), "Purchased", "orders", null);
                case EVENT -> new PaletteItem(PaletteItem.keyOf(kind), "Did an event", "events", null);
                case SEQUENCE -> new PaletteItem(PaletteItem.keyOf(kind), "Event sequence", "events", null);
                case SEGMENT -> new PaletteItem(PaletteItem.keyOf(kind), "In segment", "segment", null);
                case GROUP -> new PaletteItem(PaletteItem.keyOf(kind), "In group", "group", null);
                case LIST -> new PaletteItem(PaletteItem.keyOf(kind), "In uploaded list", "list", null);
            };
            if (item != null) {
                behaviours.add(item);
            }
        }
        result.add(new Section("Behaviour", List.copyOf(behaviours)));
        for (String table : catalog.tables()) {
            List<PaletteItem> items = catalog.fields(table).stream()
                    .filter(f -> !isKeyColumn(f))
                    .map(PaletteItem::of).toList();
            if (!items.isEmpty()) {
                result.add(new Section(tableTitle(table), items));
            }
        }
        return List.copyOf(result);
    }

    /** Internal keys mean nothing to a marketer. */
    private static boolean isKeyColumn(Field f) {
        return f.column().equals("ck") || !f.table().equals(Catalog.CUSTOMERS) && f.column().equals("customer_id");
    }

    static String tableTitle(String table) {
        switch (table) {
            case Catalog.CUSTOMERS:
                return "Customer";
            case Catalog.METRICS:
                return "Customer metrics";
            case Catalog.ORDERS:
                return "Orders";
            case Catalog.ORDER_ITEMS:
                return "Order items";
            case Catalog.EVENTS:
                return "Events";
            default:
                return Field.defaultLabel(table);
        }
    }

    private void filter() {
        sections.setAll(sectionsMatching(search.get()));
    }

    /** Every item matching {@code text} (as the search box filters), in palette order: the condition picker's list. */
    public List<PaletteItem> matching(String text) {
        return sectionsMatching(text).stream().flatMap(s -> s.items().stream()).toList();
    }

    private List<Section> sectionsMatching(String searchText) {
        String text = searchText == null ? "" : searchText.trim().toLowerCase(Locale.ROOT);
        List<Section> shown = new ArrayList<>();
        for (Section section : all) {
            boolean sectionMatches = section.title().toLowerCase(Locale.ROOT).contains(text);
            List<PaletteItem> items = section.items().stream()
                    .filter(i -> text.isEmpty() || sectionMatches || matches(i, text)).toList();
            if (!items.isEmpty()) {
                shown.add(new Section(section.title(), items));
            }
        }
        return shown;
    }

    private static boolean matches(PaletteItem item, String text) {
        return item.label().toLowerCase(Locale.ROOT).contains(text)
                || item.isField() && item.field().id().toLowerCase(Locale.ROOT).contains(text);
    }

    // Commands //

    /** The item with {@code key}, if the palette offers it. */
    public Optional<PaletteItem> item(String key) {
        return all.stream().flatMap(s -> s.items().stream()).filter(i -> i.key().equals(key)).findFirst();
    }

    /**
     * The condition a drop of {@code key} adds: an attribute of a customer table as itself; an order or
     * item field as a purchase filtered on it; an event field as an event filtered on it.
     */
    public Optional<Condition> conditionFor(String key) {
        Optional<PaletteItem> found = item(key);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        PaletteItem item = found.get();
        if (item.isField()) {
            return Optional.of(fieldCondition(item.field()));
        }
        ConditionKind kind = PaletteItem.kindOf(key).orElseThrow();
        return Optional.ofNullable(switch (kind) {
            case ALL, ANY, NOT, ATTRIBUTE -> null;
            case PURCHASE -> new PurchaseCondition(true, List.of(), Measure.ORDERS, Comparison.AT_LEAST_ONE,
                    Window.last(12, TimeUnit.MONTHS));
            case EVENT -> EventCondition.did(firstEventType(), Window.last(90, TimeUnit.DAYS));
            case SEQUENCE -> new SequenceCondition(
                    List.of(SequenceCondition.Step.of(firstEventType()), SequenceCondition.Step.of(
                            eventTypes.get().size() > 1 ? eventTypes.get().get(1) : firstEventType())),
                    new SequenceCondition.Within(7, TimeUnit.DAYS), null, Window.last(90, TimeUnit.DAYS));
            case SEGMENT -> new MembershipCondition(MembershipCondition.Kind.SEGMENT, "", true);
            case GROUP -> new MembershipCondition(MembershipCondition.Kind.GROUP, "", true);
            case LIST -> new MembershipCondition(MembershipCondition.Kind.LIST, "", true);
        });
    }

    private Condition fieldCondition(Field field) {
        Condition attribute = AttributeOperators.defaultCondition(field);
        if (field.table().equals(Catalog.ORDERS) || field.table().equals(Catalog.ORDER_ITEMS)) {
            return new PurchaseCondition(true, List.of(attribute), Measure.ORDERS,
                    Comparison.AT_LEAST_ONE, Window.ALL_TIME);
        }
        if (field.table().equals(Catalog.EVENTS)) {
            return new EventCondition(true, firstEventType(), List.of(attribute), Comparison.AT_LEAST_ONE,
                    Window.ALL_TIME);
        }
        return attribute;
    }

    private String firstEventType() {
        List<String> types = eventTypes.get();
        return types.isEmpty() ? "" : types.get(0);
    }

    // Properties //

    public StringProperty searchProperty() {
        return search;
    }

    /** The sections that match the search, in palette order. */
    public ObservableList<Section> sections() {
        return sections;
    }

    public Catalog catalog() {
        return catalog;
    }
}
