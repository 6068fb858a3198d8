package org.segmint.app.groups;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import org.segmint.model.group.RandomSplit;

/** Random split of the chosen group into new static groups, with the sizes previewed before the split. */
final class SplitDialog {
    private static final String NO_STRATUM = "(no stratification)";

    private SplitDialog() {
    }

    static void show(GroupsViewModel vm, Node owner) {
        GroupRow group = vm.selectedProperty().get();
        if (group == null) {
            return;
        }
        DialogForm form = new DialogForm(owner, "Random split", "Split the " + String.format("%,d", group.customers())
                + " customers of '" + group.name() + "' into new static groups", "Split");
        TextField names = new TextField(group.name() + " A, " + group.name() + " B");
        names.setId("split-names");
        TextField percents = new TextField();
        percents.setPromptText("even parts; or e.g. 50, 30, 20");
        percents.setId("split-percents");
        TextField seed = new TextField(Long.toString(new SecureRandom().nextInt(1_000_000)));
        seed.setId("split-seed");
        ComboBox<String> stratify = new ComboBox<>();
        stratify.getItems().add(NO_STRATUM);
        stratify.getItems().addAll(vm.service().attributes());
        stratify.setValue(NO_STRATUM);
        form.field("New groups", names).field("Percentages", percents).field("Seed", seed)
                .field("Same mix of", stratify);
        Runnable preview = () -> {
            try {
                Plan p = plan(names.getText(), percents.getText(), seed.getText());
                int[] sizes = p.percents() == null ? RandomSplit.evenSizes((int) group.customers(), p.names().size())
                        : RandomSplit.percentSizes((int) group.customers(), p.percents());
                List<String> parts = new ArrayList<>();
                for (int k = 0; k < sizes.length; k++) {
                    parts.add(String.format("%s: %,d", p.names().get(k), sizes[k]));
                }
                form.preview.setText(String.join(" · ", parts) + ". The same seed gives the same split.");
                form.setActionEnabled(true);
            } catch (IllegalArgumentException e) {
                form.preview.setText(e.getMessage());
                form.setActionEnabled(false);
            }
        };
        names.textProperty().addListener(o -> preview.run());
        percents.textProperty().addListener(o -> preview.run());
        seed.textProperty().addListener(o -> preview.run());
        preview.run();
        if (form.showAndWait()) {
            Plan p = plan(names.getText(), percents.getText(), seed.getText());
            String stratum = NO_STRATUM.equals(stratify.getValue()) ? null : stratify.getValue();
            vm.change(() -> vm.service().split(group.name(), p.names(), p.percents(), p.seed(), stratum),
                    made -> "Split '" + group.name() + "' into " + made.stream().map(g -> String.format("%s (%,d)",
                            g.name(), g.customers())).reduce((a, b) -> a + ", " + b).orElse("") + " with seed "
                            + p.seed(), p.names().get(0));
        }
    }

    record Plan(List<String> names, List<BigDecimal> percents, long seed) {
    }

    /** Reads the fields; an IllegalArgumentException says what is wrong. */
    static Plan plan(String names, String percents, String seed) {
        List<String> n = Arrays.stream(names.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (n.size() < 2) {
            throw new IllegalArgumentException("Name at least two new groups, separated by commas.");
        }
        List<BigDecimal> p = null;
        if (!percents.isBlank()) {
            try {
                p = Arrays.stream(percents.split(",")).map(String::strip).map(BigDecimal::new).toList();
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Percentages are numbers separated by commas, e.g. 50, 30, 20.");
            }
            if (p.size() != n.size()) {
                throw new IllegalArgumentException("Give one percentage per new group.");
            }
            if (p.stream().reduce(BigDecimal.ZERO, BigDecimal::add).compareTo(BigDecimal.valueOf(100)) != 0
                    || p.stream().anyMatch(x -> x.signum() <= 0)) {
                throw new IllegalArgumentException("The percentages must be above 0 and add up to 100.");
            }
        }
        try {
            return new Plan(n, p, Long.parseLong(seed.strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("The seed is a whole number.");
        }
    }
}
