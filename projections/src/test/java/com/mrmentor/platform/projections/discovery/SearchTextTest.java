package com.mrmentor.platform.projections.discovery;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SearchTextTest {

    @Test
    void aDocumentIsLowerCasedWordsBetweenSingleSpaces() {
        assertThat(SearchText.document(List.of("Ana LIMA", "Backend engineer,  JVM & Kafka!")))
                .isEqualTo(" ana lima backend engineer jvm kafka ");
    }

    @Test
    void accentsAndLettersWithoutDecompositionAreFolded() {
        assertThat(SearchText.document(List.of("Trà Đá", "Nguyễn Thị Hương", "Søren Łukasz Straße")))
                .isEqualTo(" tra da nguyen thi huong soren lukasz strasse ");
    }

    @Test
    void programmingLanguagesKeepTheirSigns() {
        assertThat(SearchText.document(List.of("C++", "C#", "Node.js"))).isEqualTo(" c++ c# node js ");
    }

    @Test
    void nullPartsAreLeftOutAndNothingIsASingleSpace() {
        assertThat(SearchText.document(Arrays.asList(null, "Java", null))).isEqualTo(" java ");
        assertThat(SearchText.document(Arrays.asList(null, " ", null))).isEqualTo(" ");
    }

    @Test
    void scriptsOtherThanLatinStayWords() {
        assertThat(SearchText.terms("डेटा विज्ञान")).hasSize(2);
        assertThat(SearchText.document(List.of("数据 科学"))).isEqualTo(" 数据 科学 ");
    }

    @Test
    void searchTermsAreTheDistinctWordsOfTheQueryFoldedLikeDocuments() {
        assertThat(SearchText.terms("  Spring spring-BOOT  Đà ")).containsExactly("spring", "boot", "da");
        assertThat(SearchText.terms(null)).isEmpty();
        assertThat(SearchText.terms(" %_\\ ")).as("wildcards are not words").isEmpty();
    }

    @Test
    void aTermMatchesTheStartOfAWordOnly() {
        String document = SearchText.document(List.of("Ana Lima", "JavaScript"));
        assertThat(like(document, SearchText.pattern("java"))).isTrue();
        assertThat(like(document, SearchText.pattern("lim"))).isTrue();
        assertThat(like(document, SearchText.pattern("script"))).as("not inside a word").isFalse();
        assertThat(like(document, SearchText.pattern("ima"))).isFalse();
    }

    @Test
    void aPatternRefusesWhatIsNotAWord() {
        assertThatThrownBy(() -> SearchText.pattern("a%b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SearchText.pattern("two words")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SearchText.pattern("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keysAreTrimmedLowerCasedWithSingleInnerSpaces() {
        assertThat(SearchText.key("  Spring   Boot ")).isEqualTo("spring boot");
        assertThat(SearchText.key(" ")).isNull();
        assertThat(SearchText.keys(Arrays.asList("Java", "java ", null, "", "Go"))).containsExactly("java", "go");
    }

    /** SQL's LIKE with only % wildcards, as the patterns use it. */
    private static boolean like(String text, String pattern) {
        String regex = ("\\Q" + pattern + "\\E").replace("%", "\\E.*\\Q");
        return text.matches(regex);
    }
}
