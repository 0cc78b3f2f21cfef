package com.mrmentor.platform.runtime.mail;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A broken template stops the start-up with a message naming the file; a good one renders exactly. */
class MailTemplatesTest {

    private static final String LOCATION = "mail-test/";
    private static final Set<String> CODE_AND_NAME = Set.of("name", "code");

    @Test
    void theShippedTemplatesAllLoad() {
        MailTemplates templates = MailTemplates.load(TemplatedIdentityMail.TEMPLATES);

        assertThat(templates.render(TemplatedIdentityMail.PASSWORD_CHANGED, Map.of("email", "a@example.com"))
                .body()).contains("(a@example.com)").doesNotContain("{{");
    }

    @Test
    void placeholdersAreFilledInSubjectAndBody() {
        MailTemplates templates = MailTemplates.load(LOCATION, List.of(spec("good", Set.of("code"))));

        MailTemplates.Rendered rendered = templates.render("good", Map.of("name", "Asha", "code", "042137"));

        assertThat(rendered.subject()).isEqualTo("Hello Asha");
        assertThat(rendered.body()).isEqualTo("Hi Asha, your code is 042137.\n");
    }

    @Test
    void valuesLoseControlCharactersSoThatNoHeaderOrLineCanBeInjected() {
        MailTemplates templates = MailTemplates.load(LOCATION, List.of(spec("good", Set.of())));

        MailTemplates.Rendered rendered = templates.render("good",
                Map.of("name", "Asha\r\nBcc: victim@example.com", "code", "1$2\\3"));

        assertThat(rendered.subject()).isEqualTo("Hello AshaBcc: victim@example.com");
        assertThat(rendered.body()).isEqualTo("Hi AshaBcc: victim@example.com, your code is 1$2\\3.\n");
    }

    @Test
    void aMissingValueIsAProgrammingErrorNotAnEmptyString() {
        MailTemplates templates = MailTemplates.load(LOCATION, List.of(spec("good", Set.of())));

        assertThatThrownBy(() -> templates.render("good", Map.of("name", "Asha")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("code");
    }

    @Test
    void aMissingTemplateStopsTheStartUp() {
        assertThatThrownBy(() -> MailTemplates.load(LOCATION, List.of(spec("does-not-exist", Set.of()))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("mail-test/does-not-exist.txt is missing");
    }

    @Test
    void anUnknownPlaceholderStopsTheStartUp() {
        assertThatThrownBy(() -> MailTemplates.load(LOCATION, List.of(spec("unknown-placeholder", Set.of()))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("mail-test/unknown-placeholder.txt uses unknown placeholders [secret]");
    }

    @Test
    void aTemplateThatForgetsARequiredPlaceholderStopsTheStartUp() {
        assertThatThrownBy(() -> MailTemplates.load(LOCATION, List.of(spec("forgets-code", Set.of("code")))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("mail-test/forgets-code.txt must use the placeholders [code]");
    }

    @Test
    void aTemplateWithoutSubjectLineOrBlankLineOrWithAMalformedPlaceholderStopsTheStartUp() {
        assertThatThrownBy(() -> MailTemplates.load(LOCATION, List.of(
                spec("no-subject", Set.of()), spec("no-blank-line", Set.of()),
                spec("malformed-placeholder", Set.of()))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no-subject.txt must start with a 'Subject: ...' line")
                .hasMessageContaining("no-blank-line.txt must have a blank line after the subject")
                .hasMessageContaining("malformed-placeholder.txt has a malformed placeholder");
    }

    @Test
    void windowsLineEndingsAreAccepted() {
        MailTemplates templates = MailTemplates.load(LOCATION,
                List.of(new MailTemplates.Spec("unknown-placeholder", Set.of("code", "secret"), Set.of())));

        assertThat(templates.render("unknown-placeholder", Map.of("code", "1", "secret", "2")).body())
                .isEqualTo("Your code: 1\nand 2\n");
    }

    private static MailTemplates.Spec spec(String name, Set<String> required) {
        return new MailTemplates.Spec(name, CODE_AND_NAME, required);
    }
}
