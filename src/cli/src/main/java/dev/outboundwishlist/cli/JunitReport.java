package dev.outboundwishlist.cli;

import dev.outboundwishlist.diagnostics.Diagnostic;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.function.Predicate;

/**
 * JUnit XML, which every CI server shows: one test suite a template, one test case a finding
 * (errors and warnings fail, infos pass), or one passing case for a clean template.
 */
final class JunitReport {

    private JunitReport() {
    }

    /** @param fails which findings are failures: what fails the run (--non-zero-exit-code) fails a test */
    static String render(List<TemplateRun> runs, Predicate<Diagnostic> fails) {
        StringWriter text = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuites");
            xml.writeAttribute("name", "OutboundWishlist validate");
            for (TemplateRun run : runs) {
                suite(xml, run, fails);
            }
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write JUnit XML", e);
        }
        return text + "\n";
    }

    /** XML 1.0 cannot hold most control characters, even escaped: they are shown as \\uXXXX. */
    private static String xmlText(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            boolean allowed = c == '\t' || c == '\n' || c == '\r' || c >= 0x20 && c <= 0xD7FF || c >= 0xE000 && c <= 0xFFFD
                    || Character.isSurrogate(c);
            out.append(allowed ? String.valueOf(c) : String.format("\\u%04X", (int) c));
        }
        return out.toString();
    }

    private static void suite(XMLStreamWriter xml, TemplateRun run, Predicate<Diagnostic> fails)
            throws XMLStreamException {
        List<Diagnostic> findings = run.diagnostics();
        long failures = findings.stream().filter(fails).count();
        xml.writeCharacters("\n  ");
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", xmlText(run.file()));
        xml.writeAttribute("tests", String.valueOf(Math.max(1, findings.size())));
        xml.writeAttribute("failures", String.valueOf(failures));
        xml.writeAttribute("errors", "0");
        if (findings.isEmpty()) {
            xml.writeCharacters("\n    ");
            xml.writeEmptyElement("testcase");
            xml.writeAttribute("classname", xmlText(run.file()));
            xml.writeAttribute("name", "template is valid");
        }
        for (Diagnostic d : findings) {
            xml.writeCharacters("\n    ");
            xml.writeStartElement("testcase");
            xml.writeAttribute("classname", xmlText(run.file()));
            xml.writeAttribute("name", xmlText(d.code().id() + " " + (d.path().isRoot() ? "(template)" : d.path().toString())));
            if (fails.test(d)) {
                xml.writeStartElement("failure");
                xml.writeAttribute("type", d.severity().label());
                xml.writeAttribute("message", xmlText(d.message()));
                xml.writeCharacters(xmlText(d.format(run.file())));
                xml.writeEndElement();
            } else {
                xml.writeStartElement("system-out");
                xml.writeCharacters(xmlText(d.format(run.file())));
                xml.writeEndElement();
            }
            xml.writeEndElement();
        }
        xml.writeCharacters("\n  ");
        xml.writeEndElement();
    }
}
