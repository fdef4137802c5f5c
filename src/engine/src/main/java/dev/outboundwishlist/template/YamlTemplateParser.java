package dev.outboundwishlist.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outboundwishlist.diagnostics.DiagnosticCode;
import dev.outboundwishlist.diagnostics.SourcePosition;
import dev.outboundwishlist.diagnostics.TemplatePath;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.common.Anchor;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.MappingStartEvent;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Builds the JSON form of a YAML template from SnakeYAML Engine's event stream, without
 * recursion (so nesting depth is a counted limit, not a stack overflow), turning short-form tags
 * into long-form intrinsics, keeping each value's type as written and each value's position.
 */
final class YamlTemplateParser {

    private static final String YAML_TAG = "tag:yaml.org,2002:";
    private static final String MERGE_KEY = "<<";

    private final String sourceName;
    private final SourceMap sourceMap = new SourceMap();
    private final Map<String, Anchored> anchors = new HashMap<>();
    private final Deque<Frame> stack = new ArrayDeque<>();
    /** Problems read past (the value in question left out), reported with whatever stops the read. */
    private final List<TemplateReadException> problems = new ArrayList<>();
    private JsonNode root;
    private long nodes;

    private record Anchored(JsonNode value, int size) {
    }

    /** A mapping or list being filled. {@code value} is what its parent receives (maybe an intrinsic wrapper). */
    private static final class Frame {
        final ContainerNode<?> container;
        final JsonNode value;
        final TemplatePath path;
        final Optional<Anchor> anchor;
        String pendingKey;
        int size = 1;
        /** The value of a merge key ({@code <<}) written in this mapping, and where. */
        JsonNode merged;
        Optional<Mark> mergeMark;
        boolean merging;
        /** The value now read belongs to a duplicate key: it is reported, not kept. */
        boolean discarding;

        Frame(ContainerNode<?> container, JsonNode value, TemplatePath path, Optional<Anchor> anchor) {
            this.container = container;
            this.value = value;
            this.path = path;
            this.anchor = anchor;
        }

        boolean expectsKey() {
            return container instanceof ObjectNode && pendingKey == null;
        }
    }

    private YamlTemplateParser(String sourceName) {
        this.sourceName = sourceName;
    }

    static ParsedDocument parse(String sourceName, String text) throws TemplateReadException {
        return new YamlTemplateParser(sourceName).run(text);
    }

    private ParsedDocument run(String text) throws TemplateReadException {
        LoadSettings settings = LoadSettings.builder().setLabel(sourceName).setUseMarks(true)
                .setCodePointLimit(Integer.MAX_VALUE).build();
        int documents = 0;
        try {
            for (Event event : new Parse(settings).parseString(text)) {
                switch (event.getEventId()) {
                    case DocumentStart -> {
                        if (++documents > 1) {
                            throw error(DiagnosticCode.UNSUPPORTED_YAML, TemplatePath.ROOT, event.getStartMark(),
                                    "holds more than one YAML document; a template is exactly one");
                        }
                    }
                    case MappingStart, SequenceStart -> open((CollectionStartEvent) event);
                    case MappingEnd, SequenceEnd -> close();
                    case Scalar -> scalar((ScalarEvent) event);
                    case Alias -> alias((AliasEvent) event);
                    default -> {
                        // stream start/end, document end and comments carry no value
                    }
                }
            }
        } catch (MarkedYamlEngineException e) {
            throw withProblems(syntaxError(e));
        } catch (YamlEngineException e) {
            throw withProblems(new TemplateReadException(DiagnosticCode.YAML_SYNTAX, TemplatePath.ROOT,
                    Optional.empty(), "is not valid YAML: " + e.getMessage()));
        } catch (TemplateReadException e) {
            throw withProblems(e);
        }
        if (!problems.isEmpty()) {
            throw TemplateReadException.of(problems);
        }
        if (root == null) {
            throw new TemplateReadException(DiagnosticCode.EMPTY, TemplatePath.ROOT, Optional.empty(),
                    "holds no template (only comments or blank lines)");
        }
        return new ParsedDocument(root, sourceMap, TemplateFormat.YAML);
    }

    private void open(CollectionStartEvent event) throws TemplateReadException {
        TemplatePath path = childPath(event);
        if (stack.size() >= ReadLimits.MAX_DEPTH) {
            throw error(DiagnosticCode.TOO_DEEP, path, event.getStartMark(),
                    "is nested more than " + ReadLimits.MAX_DEPTH + " levels deep");
        }
        boolean mapping = event instanceof MappingStartEvent;
        ContainerNode<?> container = mapping ? ScalarTypes.NODES.objectNode() : ScalarTypes.NODES.arrayNode();
        String tag = event.getTag().orElse(null);
        JsonNode value = container;
        TemplatePath containerPath = path;
        if (tag != null && !tag.equals(YAML_TAG + (mapping ? "map" : "seq"))) {
            String key = Intrinsics.keyForTag(tag);
            if (key == null) {
                problems.add(error(DiagnosticCode.UNSUPPORTED_YAML, path, event.getStartMark(), "uses the tag "
                        + shown(tag) + (tag.startsWith(YAML_TAG) ? ", which a CloudFormation template cannot hold"
                                : ", which is not a CloudFormation intrinsic function")));
            } else {
                ObjectNode wrapper = ScalarTypes.NODES.objectNode();
                wrapper.set(key, container);
                value = wrapper;
                containerPath = path.key(key);
                record(containerPath, event.getStartMark());
            }
        }
        countNodes(1, path, event.getStartMark());
        stack.push(new Frame(container, value, containerPath, event.getAnchor()));
    }

    private void close() throws TemplateReadException {
        Frame frame = stack.pop();
        if (frame.merged != null) {
            merge(frame);
        }
        remember(frame.anchor, frame.value, frame.size);
        attach(frame.value, frame.size);
    }

    private void scalar(ScalarEvent event) throws TemplateReadException {
        Frame top = stack.peek();
        if (top != null && top.expectsKey()) {
            key(top, event);
            return;
        }
        TemplatePath path = childPath(event);
        countNodes(1, path, event.getStartMark());
        JsonNode value = scalarValue(event, path);
        surrogates(event.getValue(), path, event);
        remember(event.getAnchor(), value, 1);
        attach(value, 1);
    }

    private void key(Frame frame, ScalarEvent event) throws TemplateReadException {
        String tag = event.getTag().orElse("!");
        if (!tag.equals("!") && !tag.equals(YAML_TAG + "str")) {
            problems.add(error(DiagnosticCode.UNSUPPORTED_YAML, frame.path, event.getStartMark(),
                    "has a key with the tag " + shown(tag) + "; keys must be plain strings"));
        }
        String key = event.getValue();
        TemplatePath keyPath = frame.path.key(key);
        surrogates(key, keyPath, event);
        ObjectNode object = (ObjectNode) frame.container;
        if (key.equals(MERGE_KEY) && event.getScalarStyle() == ScalarStyle.PLAIN && event.getTag().isEmpty()) {
            if (frame.mergeMark != null) {
                problems.add(error(DiagnosticCode.DUPLICATE_KEY, keyPath, event.getStartMark(), "is a second merge "
                        + "key in this mapping; merge several mappings with one: <<: [*a, *b]"));
                frame.discarding = true;
                frame.pendingKey = key;
                return;
            }
            frame.mergeMark = event.getStartMark();
            frame.merging = true;
            frame.pendingKey = key;
            return;
        }
        if (object.has(key)) {
            String first = sourceMap.exact(keyPath).map(p -> " (first at line " + p.line() + ")").orElse("");
            problems.add(error(DiagnosticCode.DUPLICATE_KEY, keyPath, event.getStartMark(),
                    "is a duplicate key" + first + "; CloudFormation rejects templates with duplicate keys"));
            frame.discarding = true;
        }
        record(keyPath, event.getStartMark());
        frame.pendingKey = key;
    }

    private void alias(AliasEvent event) throws TemplateReadException {
        Frame top = stack.peek();
        TemplatePath path = top != null && top.expectsKey() ? top.path : childPath(event);
        if (top != null && top.expectsKey()) {
            throw error(DiagnosticCode.UNSUPPORTED_YAML, path, event.getStartMark(),
                    "uses an alias as a key; keys must be plain strings");
        }
        String name = event.getAlias().getValue();
        Anchored anchored = anchors.get(name);
        if (anchored == null) {
            throw error(DiagnosticCode.YAML_SYNTAX, path, event.getStartMark(),
                    "refers to the anchor &" + name + ", which is not defined before it (or contains this alias)");
        }
        countNodes(anchored.size(), path, event.getStartMark());
        attach(anchored.value().deepCopy(), anchored.size());
    }

    private JsonNode scalarValue(ScalarEvent event, TemplatePath path) throws TemplateReadException {
        String text = event.getValue();
        String tag = event.getTag().orElse(null);
        if (tag == null || tag.equals("!")) {
            return event.getScalarStyle() == ScalarStyle.PLAIN && tag == null
                    ? resolvePlain(text, path, event).orElse(ScalarTypes.NODES.nullNode())
                    : ScalarTypes.NODES.textNode(text);
        }
        if (tag.startsWith(YAML_TAG)) {
            return standardTag(tag.substring(YAML_TAG.length()), text, path, event);
        }
        String key = Intrinsics.keyForTag(tag);
        if (key == null) {
            problems.add(error(DiagnosticCode.UNSUPPORTED_YAML, path, event.getStartMark(),
                    "uses the tag " + tag + ", which is not a CloudFormation intrinsic function"));
            return ScalarTypes.NODES.nullNode();
        }
        record(path.key(key), event.getStartMark());
        ObjectNode wrapper = ScalarTypes.NODES.objectNode();
        int dot = text.indexOf('.');
        if (key.equals("Fn::GetAtt") && dot > 0) {
            // !GetAtt A.B.C names attribute B.C of resource A.
            wrapper.putArray(key).add(text.substring(0, dot)).add(text.substring(dot + 1));
        } else {
            wrapper.put(key, text);
        }
        return wrapper;
    }

    /** The value of a plain scalar; empty, reported, for a number no number can hold. */
    private Optional<JsonNode> resolvePlain(String text, TemplatePath path, ScalarEvent event) {
        try {
            return Optional.of(ScalarTypes.resolvePlain(text));
        } catch (NumberFormatException e) {
            problems.add(error(DiagnosticCode.UNREADABLE, path, event.getStartMark(), ScalarTypes.outOfRange(text)));
            return Optional.empty();
        }
    }

    private JsonNode standardTag(String name, String text, TemplatePath path, ScalarEvent event)
            throws TemplateReadException {
        Optional<JsonNode> read = resolvePlain(text, path, event);
        if (read.isEmpty()) {
            return ScalarTypes.NODES.nullNode();
        }
        JsonNode resolved = read.get();
        boolean fits = switch (name) {
            case "str" -> true;
            case "int" -> resolved.isIntegralNumber();
            case "float" -> resolved.isNumber();
            case "bool" -> resolved.isBoolean();
            case "null" -> resolved.isNull();
            default -> {
                problems.add(error(DiagnosticCode.UNSUPPORTED_YAML, path, event.getStartMark(),
                        "uses the tag !!" + name + ", which a CloudFormation template cannot hold"));
                yield false;
            }
        };
        if (!fits) {
            if (Set.of("str", "int", "float", "bool", "null").contains(name)) {
                problems.add(error(DiagnosticCode.UNSUPPORTED_YAML, path, event.getStartMark(),
                        "is tagged !!" + name + " but '" + Excerpt.of(text) + "' is not a valid " + name));
            }
            return ScalarTypes.NODES.nullNode();
        }
        if (name.equals("str")) {
            return ScalarTypes.NODES.textNode(text);
        }
        if (name.equals("float") && resolved.isIntegralNumber()) {
            return ScalarTypes.NODES.numberNode(new BigDecimal(new BigInteger(text.replace("+", ""))));
        }
        return resolved;
    }

    private TemplatePath childPath(NodeEvent event) throws TemplateReadException {
        Frame top = stack.peek();
        if (top == null) {
            if (root != null) {
                throw error(DiagnosticCode.UNSUPPORTED_YAML, TemplatePath.ROOT, event.getStartMark(),
                        "holds more than one YAML document; a template is exactly one");
            }
            record(TemplatePath.ROOT, event.getStartMark());
            return TemplatePath.ROOT;
        }
        if (top.container instanceof ObjectNode) {
            if (top.pendingKey == null) {
                throw error(DiagnosticCode.UNSUPPORTED_YAML, top.path, event.getStartMark(),
                        "has a key that is a mapping or a list; keys must be plain strings");
            }
            return top.path.key(top.pendingKey);
        }
        TemplatePath path = top.path.index(((ArrayNode) top.container).size());
        record(path, event.getStartMark());
        return path;
    }

    private void attach(JsonNode value, int size) {
        Frame top = stack.peek();
        if (top == null) {
            root = value;
            return;
        }
        top.size += size;
        if (top.discarding) {
            top.discarding = false;
            top.pendingKey = null;
        } else if (top.merging) {
            top.merged = value;
            top.merging = false;
            top.pendingKey = null;
        } else if (top.container instanceof ObjectNode object) {
            object.set(top.pendingKey, value);
            top.pendingKey = null;
        } else {
            ((ArrayNode) top.container).add(value);
        }
    }

    /**
     * YAML 1.1's merge key, as the AWS and SAM CLIs' loaders apply it before CloudFormation sees
     * the template: the mapping takes each key of the merged mappings (the first of a list wins)
     * that it does not write itself.
     */
    private void merge(Frame frame) {
        List<JsonNode> sources = new ArrayList<>();
        if (frame.merged.isArray()) {
            frame.merged.forEach(sources::add);
        } else {
            sources.add(frame.merged);
        }
        Optional<JsonNode> intrinsic = sources.stream().filter(Intrinsics::isIntrinsic).findFirst();
        if (intrinsic.isPresent()) {
            // Its value is known only once CloudFormation resolves it, long after the YAML is read.
            problems.add(error(DiagnosticCode.UNSUPPORTED_YAML, frame.path.key(MERGE_KEY), frame.mergeMark,
                    "is a merge key whose value is the intrinsic function " + Intrinsics.brief(intrinsic.get())
                            + ", which YAML cannot merge; write the keys themselves"));
            return;
        }
        if (!sources.stream().allMatch(JsonNode::isObject)) {
            problems.add(error(DiagnosticCode.UNSUPPORTED_YAML, frame.path.key(MERGE_KEY), frame.mergeMark,
                    "is a merge key whose value is not a mapping or a list of mappings, which is all it can merge"));
            return;
        }
        ObjectNode object = (ObjectNode) frame.container;
        Map<String, JsonNode> written = new LinkedHashMap<>();
        object.fields().forEachRemaining(field -> written.put(field.getKey(), field.getValue()));
        object.removeAll();
        for (JsonNode source : sources) {
            source.fields().forEachRemaining(field -> {
                if (!object.has(field.getKey())) {
                    object.set(field.getKey(), written.getOrDefault(field.getKey(), field.getValue()));
                }
            });
        }
        written.forEach((key, value) -> {
            if (!object.has(key)) {
                object.set(key, value);
            }
        });
    }

    /** Half a surrogate pair (escapes can spell one) is reported where it is, and the reading goes on. */
    private void surrogates(String text, TemplatePath path, ScalarEvent event) {
        TemplateReader.unpairedSurrogate(text).ifPresent(problem ->
                problems.add(error(DiagnosticCode.UNREADABLE, path, event.getStartMark(), problem)));
    }

    /** A tag as written: {@code !!int} for YAML's own. */
    private static String shown(String tag) {
        return tag.startsWith(YAML_TAG) ? "!!" + tag.substring(YAML_TAG.length()) : tag;
    }

    /** What stops the read, after the problems read past before it. */
    private TemplateReadException withProblems(TemplateReadException stop) {
        List<TemplateReadException> all = new ArrayList<>(problems);
        all.add(stop);
        return TemplateReadException.of(all);
    }

    private void remember(Optional<Anchor> anchor, JsonNode value, int size) {
        anchor.ifPresent(a -> anchors.put(a.getValue(), new Anchored(value, size)));
    }

    private void countNodes(int count, TemplatePath path, Optional<Mark> mark) throws TemplateReadException {
        nodes += count;
        if (nodes > ReadLimits.MAX_NODES) {
            throw error(DiagnosticCode.ALIAS_LIMIT, path, mark,
                    "makes the template hold more than " + ReadLimits.MAX_NODES
                            + " values once YAML aliases are expanded (an alias bomb?)");
        }
    }

    private void record(TemplatePath path, Optional<Mark> mark) {
        position(mark).ifPresent(p -> sourceMap.record(path, p));
    }

    private static Optional<SourcePosition> position(Optional<Mark> mark) {
        return mark.map(m -> new SourcePosition(m.getLine() + 1, m.getColumn() + 1));
    }

    private static TemplateReadException error(DiagnosticCode code, TemplatePath path, Optional<Mark> mark,
                                               String message) {
        return new TemplateReadException(code, path, position(mark), message);
    }

    private TemplateReadException syntaxError(MarkedYamlEngineException e) {
        String problem = e.getProblem() == null ? "unreadable input" : e.getProblem();
        if (problem.contains("\\t(TAB)")) {
            problem = "a tab character where YAML expects indentation; indent with spaces";
        }
        Optional<Mark> mark = e.getProblemMark().or(e::getContextMark);
        TemplatePath path = stack.isEmpty() ? TemplatePath.ROOT : stack.peek().path;
        return error(DiagnosticCode.YAML_SYNTAX, path, mark, "is not valid YAML: " + problem);
    }
}
