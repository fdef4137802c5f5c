package dev.outboundwishlist.template;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outboundwishlist.diagnostics.DiagnosticCode;
import dev.outboundwishlist.diagnostics.SourcePosition;
import dev.outboundwishlist.diagnostics.TemplatePath;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Builds a JSON template from Jackson's token stream, keeping positions and rejecting duplicate keys. */
final class JsonTemplateParser {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(ReadLimits.MAX_DEPTH + 10)
                    .maxStringLength(ReadLimits.MAX_BYTES)
                    .build())
            .build();

    private final int maxDepth;
    private final SourceMap sourceMap = new SourceMap();
    /** Duplicate keys, read past so that every one is reported. */
    private final List<TemplateReadException> problems = new ArrayList<>();
    private final Deque<Frame> stack = new ArrayDeque<>();
    private JsonNode root;

    private static final class Frame {
        final ContainerNode<?> container;
        final TemplatePath path;
        String pendingKey;
        /** The last key read in this mapping, so that a key the parser alone has read can be told apart. */
        String lastKey;
        /** The value now read belongs to a duplicate key: it is reported, not kept. */
        boolean discarding;

        Frame(ContainerNode<?> container, TemplatePath path) {
            this.container = container;
            this.path = path;
        }
    }

    private JsonTemplateParser(int maxDepth) {
        this.maxDepth = maxDepth;
    }

    static ParsedDocument parse(String text) throws TemplateReadException {
        return parse(text, ReadLimits.MAX_DEPTH);
    }

    /** With {@code maxDepth} levels of nesting allowed (a macro event holds the template one level down). */
    static ParsedDocument parse(String text, int maxDepth) throws TemplateReadException {
        return new JsonTemplateParser(maxDepth).run(text);
    }

    private ParsedDocument run(String text) throws TemplateReadException {
        try (JsonParser parser = FACTORY.createParser(text)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (root != null && stack.isEmpty()) {
                    throw error(DiagnosticCode.JSON_SYNTAX, TemplatePath.ROOT, parser.currentTokenLocation(),
                            "has more content after the end of the template");
                }
                handle(parser, token);
            }
        } catch (JsonProcessingException e) {
            String detail = plain(e.getOriginalMessage());
            throw withProblems(error(DiagnosticCode.JSON_SYNTAX, syntaxErrorPath(e), e.getLocation(),
                    "is not valid JSON: " + detail));
        } catch (IOException e) {
            throw withProblems(new TemplateReadException(DiagnosticCode.UNREADABLE, TemplatePath.ROOT,
                    Optional.empty(), "cannot be read: " + e.getMessage()));
        } catch (TemplateReadException e) {
            throw withProblems(e);
        }
        if (!problems.isEmpty()) {
            throw TemplateReadException.of(problems);
        }
        if (root == null) {
            throw new TemplateReadException(DiagnosticCode.EMPTY, TemplatePath.ROOT, Optional.empty(),
                    "holds no template");
        }
        return new ParsedDocument(root, sourceMap, TemplateFormat.JSON);
    }

    private void handle(JsonParser parser, JsonToken token) throws IOException, TemplateReadException {
        switch (token) {
            case FIELD_NAME -> {
                Frame frame = stack.peek();
                String key = parser.currentName();
                TemplatePath keyPath = frame.path.key(key);
                surrogates(key, keyPath, parser);
                if (((ObjectNode) frame.container).has(key)) {
                    String first = sourceMap.exact(keyPath).map(p -> " (first at line " + p.line() + ")").orElse("");
                    problems.add(error(DiagnosticCode.DUPLICATE_KEY, keyPath, parser.currentTokenLocation(),
                            "is a duplicate key" + first + "; CloudFormation rejects templates with duplicate keys"));
                    frame.discarding = true;
                }
                record(keyPath, parser.currentTokenLocation());
                frame.pendingKey = key;
                frame.lastKey = key;
            }
            case START_OBJECT, START_ARRAY -> {
                TemplatePath path = childPath(parser);
                if (stack.size() >= maxDepth) {
                    throw error(DiagnosticCode.TOO_DEEP, path, parser.currentTokenLocation(),
                            "is nested more than " + maxDepth + " levels deep");
                }
                ContainerNode<?> container = token == JsonToken.START_OBJECT
                        ? ScalarTypes.NODES.objectNode() : ScalarTypes.NODES.arrayNode();
                stack.push(new Frame(container, path));
            }
            case END_OBJECT, END_ARRAY -> attach(stack.pop().container);
            case VALUE_STRING -> {
                surrogates(parser.getText(), valuePath(), parser);
                scalar(parser, ScalarTypes.NODES.textNode(parser.getText()));
            }
            case VALUE_NUMBER_INT -> scalar(parser, switch (parser.getNumberType()) {
                case INT -> ScalarTypes.NODES.numberNode(parser.getIntValue());
                case LONG -> ScalarTypes.NODES.numberNode(parser.getLongValue());
                default -> ScalarTypes.NODES.numberNode(parser.getBigIntegerValue());
            });
            case VALUE_NUMBER_FLOAT -> scalar(parser, decimal(parser));
            case VALUE_TRUE, VALUE_FALSE -> scalar(parser, ScalarTypes.NODES.booleanNode(token == JsonToken.VALUE_TRUE));
            case VALUE_NULL -> scalar(parser, ScalarTypes.NODES.nullNode());
            default -> throw error(DiagnosticCode.JSON_SYNTAX, TemplatePath.ROOT, parser.currentTokenLocation(),
                    "holds an unexpected token " + token);
        }
    }

    /**
     * Where a syntax error stands: at the value of the key just read (Jackson reads a key and the
     * start of its value in one step, so the key may be known to the parser alone), else in the
     * innermost container.
     */
    private TemplatePath syntaxErrorPath(JsonProcessingException e) {
        Frame top = stack.peek();
        if (top == null) {
            return TemplatePath.ROOT;
        }
        String key = top.pendingKey;
        if (key == null && top.container instanceof ObjectNode && e.getProcessor() instanceof JsonParser parser
                && parser.getParsingContext() != null && parser.getParsingContext().inObject()
                && !Objects.equals(parser.getParsingContext().getCurrentName(), top.lastKey)) {
            key = parser.getParsingContext().getCurrentName();
        }
        return key != null ? top.path.key(key) : top.path;
    }

    /** What stops the read, after the duplicate keys read past before it. */
    private TemplateReadException withProblems(TemplateReadException stop) {
        List<TemplateReadException> all = new ArrayList<>(problems);
        all.add(stop);
        return TemplateReadException.of(all);
    }

    /** Jackson's message without its advice on parser features, which means nothing to a template author. */
    static String plain(String message) {
        String text = message.split("\n", 2)[0];
        // Jackson names the input (redacted) and each character's code: the template author needs neither.
        text = text.replaceAll("\\[Source: [^;\\]]*; line: (\\d+), column: (\\d+)]", "line $1, column $2");
        text = text.replaceAll(" \\(code \\d+\\)", "");
        text = text.replaceAll("\\s*\\((?:[^()]|\\([^()]*\\))*(?:Feature|feature)(?:[^()]|\\([^()]*\\))*\\)", "");
        text = text.replaceAll("[;:,]?\\s*(?:enable|use) `?[A-Za-z.]*Feature.*$", "");
        return text.strip();
    }

    /** A number as written; one whose exponent no number can hold is reported and read as null. */
    private JsonNode decimal(JsonParser parser) throws IOException {
        try {
            return ScalarTypes.NODES.numberNode(parser.getDecimalValue());
        } catch (NumberFormatException e) {
            problems.add(error(DiagnosticCode.UNREADABLE, valuePath(), parser.currentTokenLocation(),
                    ScalarTypes.outOfRange(parser.getText())));
            return ScalarTypes.NODES.nullNode();
        }
    }

    /** Half a surrogate pair (escapes can spell one) is reported where it is, and the reading goes on. */
    private void surrogates(String text, TemplatePath path, JsonParser parser) {
        TemplateReader.unpairedSurrogate(text).ifPresent(problem ->
                problems.add(error(DiagnosticCode.UNREADABLE, path, parser.currentTokenLocation(), problem)));
    }

    /** The path of the scalar value about to be read. */
    private TemplatePath valuePath() {
        Frame top = stack.peek();
        return top == null ? TemplatePath.ROOT : top.container instanceof ObjectNode
                ? top.path.key(top.pendingKey) : top.path.index(((ArrayNode) top.container).size());
    }

    private void scalar(JsonParser parser, JsonNode value) {
        childPath(parser);
        attach(value);
    }

    private TemplatePath childPath(JsonParser parser) {
        Frame top = stack.peek();
        if (top == null) {
            record(TemplatePath.ROOT, parser.currentTokenLocation());
            return TemplatePath.ROOT;
        }
        if (top.container instanceof ObjectNode) {
            return top.path.key(top.pendingKey);
        }
        TemplatePath path = top.path.index(((ArrayNode) top.container).size());
        record(path, parser.currentTokenLocation());
        return path;
    }

    private void attach(JsonNode value) {
        Frame top = stack.peek();
        if (top == null) {
            root = value;
        } else if (top.discarding) {
            top.discarding = false;
            top.pendingKey = null;
        } else if (top.container instanceof ObjectNode object) {
            object.set(top.pendingKey, value);
            top.pendingKey = null;
        } else {
            ((ArrayNode) top.container).add(value);
        }
    }

    private void record(TemplatePath path, JsonLocation location) {
        position(location).ifPresent(p -> sourceMap.record(path, p));
    }

    private static Optional<SourcePosition> position(JsonLocation location) {
        if (location == null || location.getLineNr() < 1 || location.getColumnNr() < 1) {
            return Optional.empty();
        }
        return Optional.of(new SourcePosition(location.getLineNr(), location.getColumnNr()));
    }

    private static TemplateReadException error(DiagnosticCode code, TemplatePath path, JsonLocation location,
                                               String message) {
        return new TemplateReadException(code, path, position(location), message);
    }
}
