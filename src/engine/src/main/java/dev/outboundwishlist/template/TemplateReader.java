package dev.outboundwishlist.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outboundwishlist.diagnostics.DiagnosticCode;
import dev.outboundwishlist.diagnostics.SourcePosition;
import dev.outboundwishlist.diagnostics.TemplatePath;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads a template from a file, bytes, or a macro event's JSON fragment. JSON is recognised by
 * its first character; everything else is YAML. Every failure is one clear, positioned
 * {@link TemplateReadException}, never a stack trace.
 */
public final class TemplateReader {

    private TemplateReader() {
    }

    public static Template read(Path file) throws TemplateReadException {
        byte[] bytes = readBytes(file);
        Path parent = file.toAbsolutePath().getParent();
        return read(file.toString(), bytes, Optional.ofNullable(parent));
    }

    /**
     * A regular file's bytes, never more than the limit: a device such as /dev/zero, a pipe or a
     * file of gigabytes is refused before it can fill the memory.
     */
    public static byte[] readBytes(Path file) throws TemplateReadException {
        if (file.toString().isEmpty()) {
            throw new TemplateReadException(DiagnosticCode.UNREADABLE, TemplatePath.ROOT, Optional.empty(),
                    "is an empty file name; name a template file");
        }
        if (Files.isDirectory(file)) {
            throw new TemplateReadException(DiagnosticCode.UNREADABLE, TemplatePath.ROOT, Optional.empty(),
                    "is a directory; name a template file");
        }
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            throw new TemplateReadException(DiagnosticCode.UNREADABLE, TemplatePath.ROOT, Optional.empty(),
                    "is not a regular file but a device or a pipe");
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(ReadLimits.MAX_BYTES + 1);
            if (bytes.length > ReadLimits.MAX_BYTES) {
                throw tooLarge(Math.max(Files.size(file), bytes.length));
            }
            return bytes;
        } catch (IOException e) {
            throw new TemplateReadException(DiagnosticCode.UNREADABLE, TemplatePath.ROOT, Optional.empty(),
                    "cannot be read: " + describe(e));
        }
    }

    public static Template read(String sourceName, byte[] bytes, Optional<Path> baseDirectory)
            throws TemplateReadException {
        if (bytes.length > ReadLimits.MAX_BYTES) {
            throw tooLarge(bytes.length);
        }
        String text = decode(bytes);
        // JSON strings may hold DEL (U+007F) as it is; YAML allows it only escaped.
        rejectControlCharacters(text, !formatByName(sourceName).equals("yaml") && text.stripLeading().startsWith("{"));
        if (text.isBlank()) {
            throw new TemplateReadException(DiagnosticCode.EMPTY, TemplatePath.ROOT, Optional.empty(),
                    "is empty; a template is a mapping with at least a Resources section");
        }
        ParsedDocument document = switch (formatByName(sourceName)) {
            case "json" -> JsonTemplateParser.parse(text);
            case "yaml" -> YamlTemplateParser.parse(sourceName, text);
            default -> text.stripLeading().startsWith("{")
                    ? parseJsonOrYaml(sourceName, text) : YamlTemplateParser.parse(sourceName, text);
        };
        // Both parsers report half a surrogate pair where they read it, with the other problems.
        return new Template(sourceName, document.format(), asMapping(document.value()), document.sourceMap(),
                baseDirectory);
    }

    /**
     * A macro event, read as strictly as a JSON template — numbers exactly as written, no
     * duplicate keys, the same nesting limit for the fragment inside it — but without the
     * template's size limit, which CloudFormation has already applied to the fragment.
     */
    public static JsonNode readMacroEvent(byte[] bytes) throws TemplateReadException {
        return JsonTemplateParser.parse(decode(bytes), ReadLimits.MAX_DEPTH + 1).value();
    }

    /**
     * A macro event's fragment: already JSON, with no lines to point at. Its strings are checked
     * here, as this takes any tree, not only one {@link #readMacroEvent} has read.
     */
    public static Template fromFragment(JsonNode fragment) throws TemplateReadException {
        ObjectNode root = asMapping(fragment);
        rejectUnpairedSurrogates(root, TemplatePath.ROOT, SourceMap.NONE);
        return new Template("fragment", TemplateFormat.JSON, root, SourceMap.NONE, Optional.empty());
    }

    /** Escapes can spell half a surrogate pair, which no UTF-8 output can hold. */
    static void rejectUnpairedSurrogates(JsonNode node, TemplatePath path, SourceMap sourceMap)
            throws TemplateReadException {
        if (node.isTextual()) {
            checkText(node.textValue(), path, sourceMap);
        } else if (node.isObject()) {
            for (var fields = node.fields(); fields.hasNext(); ) {
                var field = fields.next();
                checkText(field.getKey(), path.key(field.getKey()), sourceMap);
                rejectUnpairedSurrogates(field.getValue(), path.key(field.getKey()), sourceMap);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                rejectUnpairedSurrogates(node.get(i), path.index(i), sourceMap);
            }
        }
    }

    private static void checkText(String text, TemplatePath path, SourceMap sourceMap) throws TemplateReadException {
        Optional<String> problem = unpairedSurrogate(text);
        if (problem.isPresent()) {
            throw new TemplateReadException(DiagnosticCode.UNREADABLE, path, sourceMap.nearest(path), problem.get());
        }
    }

    /** Why a string cannot be written as UTF-8: half a surrogate pair, which escapes can spell. */
    static Optional<String> unpairedSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean paired = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            if (paired) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return Optional.of(String.format("holds \\u%04X, half of a UTF-16 surrogate pair, which is not "
                        + "valid Unicode", (int) c));
            }
        }
        return Optional.empty();
    }

    /** A {@code .json} file is strict JSON; a {@code .yaml} file is YAML; anything else is told by its content. */
    private static String formatByName(String sourceName) {
        String name = sourceName.toLowerCase(java.util.Locale.ROOT);
        if (name.endsWith(".json")) {
            return "json";
        }
        return name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".template") ? "yaml" : "";
    }

    private static ParsedDocument parseJsonOrYaml(String sourceName, String text) throws TemplateReadException {
        try {
            return JsonTemplateParser.parse(text);
        } catch (TemplateReadException jsonError) {
            if (jsonError.code() != DiagnosticCode.JSON_SYNTAX) {
                throw jsonError;
            }
            try {
                // A YAML flow mapping also starts with '{'.
                return YamlTemplateParser.parse(sourceName, text);
            } catch (TemplateReadException yamlError) {
                throw jsonError;
            }
        }
    }

    private static ObjectNode asMapping(JsonNode value) throws TemplateReadException {
        if (value instanceof ObjectNode object) {
            return object;
        }
        String found = value.isArray() ? "a list" : value.isTextual() ? "a plain string" : "a " + value.getNodeType()
                .name().toLowerCase(java.util.Locale.ROOT) + " value";
        throw new TemplateReadException(DiagnosticCode.NOT_A_MAPPING, TemplatePath.ROOT,
                Optional.of(new SourcePosition(1, 1)),
                "is " + found + "; a template must be a mapping of sections such as Resources");
    }

    public static String decode(byte[] bytes) throws TemplateReadException {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new TemplateReadException(DiagnosticCode.UNREADABLE, TemplatePath.ROOT, Optional.empty(),
                    "is not UTF-8 text; CloudFormation templates are UTF-8 YAML or JSON");
        }
    }

    /** Binary input shows itself by control characters, which neither YAML nor JSON allows raw. */
    private static void rejectControlCharacters(String text, boolean deleteAllowed) throws TemplateReadException {
        int line = 1;
        int column = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
                column = 1;
                continue;
            }
            if (c < 0x20 && c != '\t' && c != '\r' || c == 0x7F && !deleteAllowed) {
                throw new TemplateReadException(DiagnosticCode.UNREADABLE, TemplatePath.ROOT,
                        Optional.of(new SourcePosition(line, column)),
                        String.format("holds the control character U+%04X; is this a binary file?", (int) c));
            }
            column++;
        }
    }

    private static TemplateReadException tooLarge(long size) {
        return new TemplateReadException(DiagnosticCode.TOO_LARGE, TemplatePath.ROOT, Optional.empty(),
                "is " + size + " bytes; CloudFormation accepts templates of at most " + ReadLimits.MAX_BYTES
                        + " bytes (1 MB)");
    }

    private static String describe(IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
