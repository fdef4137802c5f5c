package dev.outboundwishlist.globalcatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The merge rules, one at a time, including the ones a single golden file would hide. */
class HandlerMergeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ArrayNode list(String json) throws Exception {
        return (ArrayNode) JSON.readTree(json.replace('\'', '"'));
    }

    private static String merged(String own, String definitionLevel) throws Exception {
        return new HandlerMerge(list(definitionLevel)).merge(own == null ? null : list(own)).toString().replace('"', '\'');
    }

    @Test
    void aStateWithoutItsOwnGetsTheDefinitionLevelListWithErrorEqualsFirst() throws Exception {
        assertThat(merged(null, "[{'Next':'H','ErrorEquals':['A']}]"))
                .isEqualTo("[{'ErrorEquals':['A'],'Next':'H'}]");
    }

    @Test
    void anErrorAnEarlierDefinitionLevelHandlerTakesIsNotRepeated() throws Exception {
        assertThat(merged(null, "[{'ErrorEquals':['A','B'],'Next':'H1'},{'ErrorEquals':['B','C'],'Next':'H2'}]"))
                .isEqualTo("[{'ErrorEquals':['A','B'],'Next':'H1'},{'ErrorEquals':['C'],'Next':'H2'}]");
        assertThat(merged(null, "[{'ErrorEquals':['States.ALL'],'Next':'H1'},{'ErrorEquals':['C'],'Next':'H2'}]"))
                .isEqualTo("[{'ErrorEquals':['States.ALL'],'Next':'H1'}]");
    }

    @Test
    void theStatesOwnComeFirstAndKeepTheirErrors() throws Exception {
        assertThat(merged("[{'ErrorEquals':['B'],'Next':'Own'}]",
                "[{'ErrorEquals':['A','B'],'Next':'H'},{'ErrorEquals':['States.ALL'],'Next':'Last'}]"))
                .isEqualTo("[{'ErrorEquals':['B'],'Next':'Own'},{'ErrorEquals':['A'],'Next':'H'},"
                        + "{'ErrorEquals':['States.ALL'],'Next':'Last'}]");
    }

    @Test
    void nothingJoinsAStateThatAlreadyHandlesEverything() throws Exception {
        assertThat(merged("[{'ErrorEquals':['States.ALL'],'Next':'Own'}]", "[{'ErrorEquals':['A'],'Next':'H'}]"))
                .isEqualTo("[{'ErrorEquals':['States.ALL'],'Next':'Own'}]");
        assertThat(merged("[{'ErrorEquals':['A'],'Next':'Own'}]", "[{'ErrorEquals':['A'],'Next':'H'}]"))
                .isEqualTo("[{'ErrorEquals':['A'],'Next':'Own'}]");
    }

    @Test
    void everyMergedListIsATreeOfItsOwn() throws Exception {
        ArrayNode definitionLevel = list("[{'ErrorEquals':['A'],'Next':'H'}]");
        HandlerMerge merge = new HandlerMerge(definitionLevel);
        ArrayNode own = list("[{'ErrorEquals':['B'],'Next':'Own'}]");
        ArrayNode first = merge.merge(null);
        ArrayNode second = merge.merge(null);
        ArrayNode third = merge.merge(own);
        ((ObjectNode) first.get(0)).put("Next", "Changed");
        ((ObjectNode) third.get(0)).put("Next", "Changed");
        ((ObjectNode) third.get(1)).put("Next", "Changed");
        assertThat(second.get(0).get("Next").textValue()).isEqualTo("H");
        assertThat(merge.merge(null).get(0).get("Next").textValue()).isEqualTo("H");
        assertThat(definitionLevel.get(0).get("Next").textValue()).isEqualTo("H");
        assertThat(own.get(0).get("Next").textValue()).isEqualTo("Own");
        JsonNode again = merge.merge(own);
        assertThat(again.get(1).get("Next").textValue()).isEqualTo("H");
    }
}
