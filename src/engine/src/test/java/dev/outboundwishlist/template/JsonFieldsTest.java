package dev.outboundwishlist.template;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Edits keep every other entry, value and position: an expanded template reads like the one written. */
class JsonFieldsTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static ObjectNode abc() {
        return NODES.objectNode().put("A", 1).put("B", 2).put("C", 3);
    }

    private static String keysOf(ObjectNode object) {
        return String.join(",", (Iterable<String>) object::fieldNames) + " " + object;
    }

    @Test
    void replaceKeepsThePlace() {
        ObjectNode object = abc();
        JsonFields.replace(object, "B", "X", NODES.textNode("x"));
        assertThat(keysOf(object)).isEqualTo("A,X,C {\"A\":1,\"X\":\"x\",\"C\":3}");
    }

    @Test
    void replaceOfTheFirstAndTheLastEntry() {
        ObjectNode first = abc();
        JsonFields.replace(first, "A", "X", NODES.numberNode(0));
        assertThat(keysOf(first)).isEqualTo("X,B,C {\"X\":0,\"B\":2,\"C\":3}");
        ObjectNode last = abc();
        JsonFields.replace(last, "C", "X", NODES.numberNode(0));
        assertThat(keysOf(last)).isEqualTo("A,B,X {\"A\":1,\"B\":2,\"X\":0}");
    }

    @Test
    void replaceOfAMissingKeyChangesNothing() {
        ObjectNode object = abc();
        JsonFields.replace(object, "Z", "X", NODES.numberNode(0));
        assertThat(object).isEqualTo(abc());
    }

    @Test
    void insertBeforeTheFirstAnchorPresent() {
        ObjectNode object = abc();
        JsonFields.insertBefore(object, "X", NODES.numberNode(0), List.of("Z", "C", "B"));
        assertThat(keysOf(object)).isEqualTo("A,X,B,C {\"A\":1,\"X\":0,\"B\":2,\"C\":3}");
    }

    @Test
    void insertBeforeWithoutAnAnchorAppends() {
        ObjectNode object = abc();
        JsonFields.insertBefore(object, "X", NODES.numberNode(0), List.of("Z"));
        assertThat(keysOf(object)).isEqualTo("A,B,C,X {\"A\":1,\"B\":2,\"C\":3,\"X\":0}");
    }

    @Test
    void insertAfterAKey() {
        ObjectNode object = abc();
        JsonFields.insertAfter(object, "A", "X", NODES.numberNode(0));
        assertThat(keysOf(object)).isEqualTo("A,X,B,C {\"A\":1,\"X\":0,\"B\":2,\"C\":3}");
        JsonFields.insertAfter(object, "C", "Y", NODES.numberNode(9));
        assertThat(keysOf(object)).isEqualTo("A,X,B,C,Y {\"A\":1,\"X\":0,\"B\":2,\"C\":3,\"Y\":9}");
    }

    @Test
    void insertAfterAMissingKeyAppends() {
        ObjectNode object = abc();
        JsonFields.insertAfter(object, "Z", "X", NODES.numberNode(0));
        assertThat(keysOf(object)).isEqualTo("A,B,C,X {\"A\":1,\"B\":2,\"C\":3,\"X\":0}");
    }
}
