package org.segmint.app.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.segmint.model.catalog.Catalog;
import org.segmint.model.catalog.Field;
import org.segmint.model.catalog.FieldType;
import org.segmint.model.segment.AttributeCondition;
import org.segmint.model.segment.EventCondition;
import org.segmint.model.segment.PurchaseCondition;

class AttributePaletteViewModelTest {
    private final Catalog catalog = new Catalog(List.of(
            new Field("customers", "customer_id", FieldType.TEXT, "Customer id"),
            new Field("customers", "city", FieldType.TEXT, "City"),
            new Field("customers", "birth_date", FieldType.DATE, "Birth date"),
            new Field("metrics", "revenue_12m", FieldType.DECIMAL, "Revenue 12m"),
            new Field("order_items", "customer_id", FieldType.TEXT, null),
            new Field("order_items", "category", FieldType.TEXT, "Category"),
            new Field("events", "url", FieldType.TEXT, "Url")));
    private final AttributePaletteViewModel vm = new AttributePaletteViewModel(catalog, () -> List.of("page_view"));

    @Test
    void fieldsAreGroupedByTableWithoutInternalKeys() {
        List<String> titles = vm.sections().stream().map(AttributePaletteViewModel.Section::title).toList();
        assertEquals(List.of("Behaviour", "Customer", "Customer metrics", "Order items", "Events"), titles);
        assertEquals(List.of("Category"), vm.sections().get(3).items().stream().map(PaletteItem::label).toList());
        assertEquals("date", vm.sections().get(1).items().get(2).detail());
    }

    @Test
    void searchKeepsMatchingFieldsAndWholeMatchingSections() {
        vm.searchProperty().set("REV");
        assertEquals(1, vm.sections().size());
        assertEquals("metrics.revenue_12m", vm.sections().get(0).items().get(0).field().id());
        vm.searchProperty().set("events");
        assertTrue(vm.sections().stream().anyMatch(s -> s.title().equals("Events")));
        vm.searchProperty().set("");
        assertEquals(5, vm.sections().size());
    }

    @Test
    void dropsBecomeConditionsSuitedToTheTable() {
        assertInstanceOf(AttributeCondition.class, vm.conditionFor("field:customers.city").orElseThrow());
        PurchaseCondition purchase = (PurchaseCondition) vm.conditionFor("field:order_items.category").orElseThrow();
        assertEquals("order_items.category", ((AttributeCondition) purchase.where().get(0)).field());
        EventCondition event = (EventCondition) vm.conditionFor(PaletteItem.EVENT).orElseThrow();
        assertEquals("page_view", event.event());
        assertTrue(vm.conditionFor("field:customers.nope").isEmpty());
    }
}
