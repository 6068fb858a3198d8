package org.segmint.app.models;

import java.util.List;
import java.util.Optional;
import org.segmint.model.waterfall.PriorityModel;

/** Where the Models page reads and writes priority models (the workspace's model store). */
public interface ModelRepository {

    List<String> names();

    Optional<PriorityModel> find(String name);

    void save(PriorityModel model);
}
