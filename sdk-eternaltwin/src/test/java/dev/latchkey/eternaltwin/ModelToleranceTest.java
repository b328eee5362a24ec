package dev.latchkey.eternaltwin;

import static org.assertj.core.api.Assertions.assertThat;

import static dev.latchkey.core.testing.ModelTolerance.model;

import dev.latchkey.core.testing.DynamicNodes;
import dev.latchkey.core.testing.ModelTolerance;
import dev.latchkey.eternaltwin.model.User;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * The field policy on every model (docs/architecture.md): a user's id and display name are required; everything else
 * may be {@code null} or absent. The sample is {@code GET /api/v1/users/{id}} as the real v0.4.0 server answered it
 * (research real-servers/eternaltwin.md section 3; its {@code $User}, etwin @ 73b6091e packages/core/src/lib/user/
 * user.ts), with the {@code deleted_at} later versions may add.
 */
class ModelToleranceTest {
    @TestFactory
    Stream<DynamicNode> everyModel() {
        DynamicNodes made = DynamicNodes.of(ModelTolerance.tests(User.class, List.of(
                model(User.class, "{\"type\":\"User\",\"id\":\"9f310484-963b-446b-af69-797feec6813f\","
                        + "\"created_at\":\"2020-12-21T11:02:15.512Z\",\"deleted_at\":null,\"display_name\":"
                        + "{\"current\":{\"start\":null,\"end\":null,\"value\":\"Alice\"},\"old\":[]},"
                        + "\"is_administrator\":false,\"links\":{}}",
                        "id", "display_name", "display_name.current", "display_name.current.value"))));
        // A factory that made nothing would pass unseen: the corpus or the model list lost its cases.
        assertThat(made.tests()).as("null and absent cases of the models").isGreaterThanOrEqualTo(16);
        return made.stream();
    }
}
