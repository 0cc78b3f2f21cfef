package com.mrmentor.platform.runtime.mail;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plain-text e-mail templates, read once from {@code classpath:mail/<name>.txt} and checked before the server takes
 * traffic. A template's first line is {@code Subject: ...}, then a blank line, then the body; {@code {{name}}} marks
 * a value. A missing template, a malformed first line, a placeholder the code does not supply, or a required
 * placeholder the template forgets (a verification mail without its code) stops the start-up with a message that
 * names the file.
 */
public final class MailTemplates {

    /** The default folder on the classpath. */
    public static final String LOCATION = "mail/";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z][A-Za-z0-9]*)\\s*}}");
    private static final String SUBJECT_PREFIX = "Subject:";
    /** Values are single-line text: control characters (line breaks included) never reach a subject or body. */
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    /**
     * What the code expects of one template.
     *
     * @param name         file name without {@code .txt}
     * @param placeholders the values the code supplies; the template may use any of them and no other
     * @param required     those the template must use
     */
    public record Spec(String name, Set<String> placeholders, Set<String> required) {

        public Spec {
            placeholders = Set.copyOf(placeholders);
            required = Set.copyOf(required);
            if (!placeholders.containsAll(required)) {
                throw new IllegalArgumentException("Template " + name + " requires placeholders it is not given");
            }
        }
    }

    /** A template filled in. */
    public record Rendered(String subject, String body) {
    }

    private record Template(String file, String subject, String body, Set<String> used) {
    }

    private final Map<String, Template> templates;

    private MailTemplates(Map<String, Template> templates) {
        this.templates = templates;
    }

    /** Loads and checks every template of {@code specs} from {@code classpath:mail/}. */
    public static MailTemplates load(Collection<Spec> specs) {
        return load(LOCATION, specs);
    }

    /**
     * Loads and checks every template of {@code specs} from the classpath folder {@code location}.
     *
     * @throws IllegalStateException naming every problem found, in all templates at once
     */
    public static MailTemplates load(String location, Collection<Spec> specs) {
        Map<String, Template> loaded = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (Spec spec : specs) {
            String file = location + spec.name() + ".txt";
            try {
                Template template = parse(file, read(file));
                Set<String> unknown = new TreeSet<>(template.used());
                unknown.removeAll(spec.placeholders());
                Set<String> missing = new TreeSet<>(spec.required());
                missing.removeAll(template.used());
                if (!unknown.isEmpty()) {
                    problems.add(file + " uses unknown placeholders " + unknown + "; known: "
                            + new TreeSet<>(spec.placeholders()));
                }
                if (!missing.isEmpty()) {
                    problems.add(file + " must use the placeholders " + missing);
                }
                loaded.put(spec.name(), template);
            } catch (IllegalStateException e) {
                problems.add(e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Mail templates are broken: " + String.join("; ", problems));
        }
        return new MailTemplates(Map.copyOf(loaded));
    }

    /**
     * Fills in template {@code name}. Values are cleaned of control characters.
     *
     * @throws IllegalArgumentException if the template is unknown or a placeholder it uses has no value
     */
    public Rendered render(String name, Map<String, String> values) {
        Template template = templates.get(name);
        if (template == null) {
            throw new IllegalArgumentException("No mail template " + name);
        }
        for (String placeholder : template.used()) {
            if (values.get(placeholder) == null) {
                throw new IllegalArgumentException("Template " + name + " needs a value for " + placeholder);
            }
        }
        return new Rendered(fill(template.subject(), values), fill(template.body(), values));
    }

    private static String fill(String text, Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        return matcher.replaceAll(match -> Matcher.quoteReplacement(
                CONTROL.matcher(Objects.requireNonNull(values.get(match.group(1)))).replaceAll("")));
    }

    private static String read(String file) {
        Resource resource = new ClassPathResource(file);
        if (!resource.exists()) {
            throw new IllegalStateException(file + " is missing");
        }
        try (InputStream in = resource.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(file + " cannot be read: " + e.getMessage());
        }
    }

    private static Template parse(String file, String content) {
        String text = content.replace("\r\n", "\n");
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        int firstBreak = text.indexOf('\n');
        String firstLine = firstBreak < 0 ? text : text.substring(0, firstBreak);
        if (!firstLine.startsWith(SUBJECT_PREFIX) || firstLine.substring(SUBJECT_PREFIX.length()).isBlank()) {
            throw new IllegalStateException(file + " must start with a 'Subject: ...' line");
        }
        String rest = firstBreak < 0 ? "" : text.substring(firstBreak + 1);
        int secondBreak = rest.indexOf('\n');
        if (secondBreak < 0 || !rest.substring(0, secondBreak).isBlank()) {
            throw new IllegalStateException(file + " must have a blank line after the subject");
        }
        String subject = firstLine.substring(SUBJECT_PREFIX.length()).strip();
        String body = rest.substring(secondBreak + 1).stripTrailing() + "\n";
        if (body.isBlank()) {
            throw new IllegalStateException(file + " has no body");
        }
        Set<String> used = new LinkedHashSet<>();
        used.addAll(placeholders(file, subject));
        used.addAll(placeholders(file, body));
        return new Template(file, subject, body, Set.copyOf(used));
    }

    private static Set<String> placeholders(String file, String text) {
        Set<String> found = new LinkedHashSet<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        String leftover = matcher.replaceAll("");
        if (leftover.contains("{{") || leftover.contains("}}")) {
            throw new IllegalStateException(file + " has a malformed placeholder (write {{name}})");
        }
        return found;
    }
}
