package org.segmint.persistence.demo;

import java.util.List;
import java.util.Map;
import org.segmint.model.segment.Segment;
import org.segmint.model.segment.SegmentIcon;
import org.segmint.model.segment.SegmentStatus;
import org.segmint.model.waterfall.ModelEntry;
import org.segmint.model.waterfall.PriorityModel;
import org.segmint.persistence.json.ConditionJson;
import org.segmint.persistence.store.ModelStore;
import org.segmint.persistence.store.SegmentStore;
import org.segmint.persistence.workspace.Workspace;

/**
 * Example segments and a priority model for a demo workspace, so that a first launch shows a working product
 * rather than an empty list. The definitions are written in the segment-file format and use only columns and
 * values the demo generator produces.
 */
public final class ExampleSegments {
    /** Name, folder, the icon when pinned (null: not pinned), description, definition (segment-file JSON). */
    private record Example(String name, String folder, SegmentIcon pinned, String description, String definition) {
    }

    private static final List<Example> EXAMPLES = List.of(
            new Example("VIP customers", "Loyalty", SegmentIcon.AWARD,
                    "Gold and platinum members who spent over 500 in the last 12 months",
                    "{\"type\":\"all\",\"conditions\":["
                            + "{\"type\":\"attribute\",\"field\":\"customers.loyalty_tier\",\"op\":\"in\","
                            + "\"values\":[\"gold\",\"platinum\"]},"
                            + "{\"type\":\"purchase\",\"measure\":\"revenue\",\"op\":\"gt\",\"value\":500,"
                            + "\"window\":{\"last\":12,\"unit\":\"months\"}}]}"),
            new Example("Lapsed or at risk", "Retention", SegmentIcon.CLOCK,
                    "Buyers whose last order is well past their usual rhythm",
                    "{\"type\":\"attribute\",\"field\":\"metrics.lifecycle\",\"op\":\"in\","
                            + "\"values\":[\"lapsed\",\"at risk\"]}"),
            new Example("Laptop clickers", "Campaigns", null,
                    "Clicked a laptop in the last 30 days but no camera",
                    "{\"type\":\"all\",\"conditions\":["
                            + "{\"type\":\"event\",\"event\":\"click_laptop\",\"window\":{\"last\":30,\"unit\":\"days\"}},"
                            + "{\"type\":\"event\",\"did\":false,\"event\":\"click_camera\","
                            + "\"window\":{\"last\":30,\"unit\":\"days\"}}]}"),
            new Example("Camera clickers", "Campaigns", null, "Clicked a camera in the last 30 days",
                    "{\"type\":\"event\",\"event\":\"click_camera\",\"window\":{\"last\":30,\"unit\":\"days\"}}"),
            new Example("Parents reachable by email", "Reachability", SegmentIcon.MAIL,
                    "Customers with children who opted in to email and have an address",
                    "{\"type\":\"all\",\"conditions\":["
                            + "{\"type\":\"attribute\",\"field\":\"customers.has_children\",\"op\":\"is_true\"},"
                            + "{\"type\":\"attribute\",\"field\":\"customers.email_opt_in\",\"op\":\"is_true\"},"
                            + "{\"type\":\"attribute\",\"field\":\"customers.email\",\"op\":\"is_not_empty\"}]}"),
            new Example("Accessory buyers", "Merchandising", null, "Bought accessories in the last 3 months",
                    "{\"type\":\"purchase\",\"where\":[{\"type\":\"attribute\",\"field\":\"order_items.category\","
                            + "\"op\":\"eq\",\"value\":\"Accessories\"}],\"window\":{\"last\":3,\"unit\":\"months\"}}"),
            new Example("Viewed then added to cart", "Campaigns", null,
                    "Viewed a product and added to cart within 7 days, starting in the last 30 days",
                    "{\"type\":\"sequence\",\"steps\":[{\"event\":\"view_product\"},{\"event\":\"add_to_cart\"}],"
                            + "\"within\":{\"value\":7,\"unit\":\"days\"},\"window\":{\"last\":30,\"unit\":\"days\"}}"),
            new Example("Prospects", "Acquisition", null, "Signed up but never ordered",
                    "{\"type\":\"attribute\",\"field\":\"metrics.lifecycle\",\"op\":\"eq\",\"value\":\"prospect\"}"));

    private ExampleSegments() {
    }

    /** Saves the examples (active, in folders, three pinned) and the model "Holiday campaign". */
    public static void addTo(Workspace ws) {
        SegmentStore segments = new SegmentStore(ws);
        for (Example e : EXAMPLES) {
            segments.save(new Segment(e.name(), e.description(), e.folder(), SegmentStatus.ACTIVE,
                    ConditionJson.parse(e.definition(), e.name()), Map.of()));
            if (e.pinned() != null) {
                segments.pin(e.name(), true);
                segments.setIcon(e.name(), e.pinned());
            }
        }
        new ModelStore(ws).save(new PriorityModel("Holiday campaign", List.of(
                ModelEntry.saved("VIP customers"), ModelEntry.saved("Laptop clickers"),
                ModelEntry.saved("Camera clickers"), ModelEntry.saved("Parents reachable by email")),
                "Everyone else", Map.of()));
    }
}
