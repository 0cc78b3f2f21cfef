package com.mrmentor.platform.runtime;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Keeps the module arrows of DESIGN.md true inside one classpath: command side, projections and sagas see only the
 * shared events; the query side sees projections and shared events; only the runtime sees everything, and nothing
 * sees the runtime. Also: the contract stays free of Spring and JPA, and no read side touches the event store API.
 */
class ArchitectureTest {

    private static final String SHARED = "com.mrmentor.platform.shared..";
    private static final String COMMAND = "com.mrmentor.platform.command..";
    private static final String PROJECTIONS = "com.mrmentor.platform.projections..";
    private static final String QUERY = "com.mrmentor.platform.query..";
    private static final String SAGA = "com.mrmentor.platform.saga..";
    private static final String RUNTIME = "com.mrmentor.platform.runtime..";

    private static JavaClasses classes;

    @BeforeAll
    static void importPlatform() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.mrmentor.platform");
    }

    @Test
    void sharedEventsDependOnNoOtherModuleNorOnSpringOrJpa() {
        check(noClasses().that().resideInAPackage(SHARED).should().dependOnClassesThat()
                .resideInAnyPackage(COMMAND, PROJECTIONS, QUERY, SAGA, RUNTIME,
                        "org.springframework..", "jakarta.persistence..", "org.hibernate.."));
    }

    @Test
    void commandSideSeesOnlySharedEvents() {
        check(noClasses().that().resideInAPackage(COMMAND).should().dependOnClassesThat()
                .resideInAnyPackage(PROJECTIONS, QUERY, SAGA, RUNTIME));
    }

    @Test
    void projectionsSeeOnlySharedEvents() {
        check(noClasses().that().resideInAPackage(PROJECTIONS).should().dependOnClassesThat()
                .resideInAnyPackage(COMMAND, QUERY, SAGA, RUNTIME));
    }

    @Test
    void querySideSeesOnlyProjectionsAndSharedEvents() {
        check(noClasses().that().resideInAPackage(QUERY).should().dependOnClassesThat()
                .resideInAnyPackage(COMMAND, SAGA, RUNTIME));
    }

    @Test
    void sagasSeeOnlySharedEvents() {
        check(noClasses().that().resideInAPackage(SAGA).should().dependOnClassesThat()
                .resideInAnyPackage(COMMAND, PROJECTIONS, QUERY, RUNTIME));
    }

    @Test
    void readSideNeverUsesTheEventStoreApi() {
        check(noClasses().that().resideInAnyPackage(PROJECTIONS, QUERY).should().dependOnClassesThat()
                .resideInAnyPackage("org.axonframework.eventsourcing.eventstore.."));
    }

    @Test
    void controllersNeverTouchAggregatesDirectly() {
        check(noClasses().that().haveSimpleNameEndingWith("Controller").should().dependOnClassesThat()
                .areAnnotatedWith(org.axonframework.spring.stereotype.Aggregate.class));
    }

    private static void check(ArchRule rule) {
        rule.check(classes);
    }
}
