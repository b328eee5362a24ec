package dev.latchkey.core.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;

/**
 * What a test factory made, counted, so that a factory that silently made nothing (a corpus that lost its client
 * calls, a model list emptied) fails the test that asks for it.
 *
 * @param nodes the nodes, ready to run (containers rebuilt: counting read their streams)
 * @param tests how many tests they hold
 */
public record DynamicNodes(List<DynamicNode> nodes, long tests) {
    /**
     * @param made a factory's nodes
     * @return them counted, and ready to return from the test's own factory
     */
    public static DynamicNodes of(Stream<DynamicNode> made) {
        List<DynamicNode> nodes = new ArrayList<>();
        long n = 0;
        for (DynamicNode node : made.toList()) {
            if (node instanceof DynamicContainer c) {
                DynamicNodes inside = of(c.getChildren().map(DynamicNode.class::cast));
                n += inside.tests();
                nodes.add(DynamicContainer.dynamicContainer(c.getDisplayName(), inside.nodes().stream()));
            } else {
                if (node instanceof DynamicTest) {
                    n++;
                }
                nodes.add(node);
            }
        }
        return new DynamicNodes(List.copyOf(nodes), n);
    }

    /** @return the nodes, for the factory to return */
    public Stream<DynamicNode> stream() {
        return nodes.stream();
    }
}
