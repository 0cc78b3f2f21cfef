package com.mrmentor.platform.command.crm;

import com.mrmentor.platform.command.common.Actor;
import com.mrmentor.platform.shared.common.RuleViolation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * CSV imports (SALES_HEAD, ADMIN). The job's progress is the job's own state (table {@code crm_import}), so it is
 * served here rather than from a projection.
 */
@RestController
@RequestMapping("/api/crm/imports")
@Tag(name = "CRM: imports")
public class CrmImportController {

    private final LeadImports imports;

    public CrmImportController(LeadImports imports) {
        this.imports = imports;
    }

    @PostMapping(consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
    @Operation(summary = "Import leads from a CSV file (body: text/csv; header: name, phone, email, city, "
            + "course_interest, language, campaign_id; phone or email required). Answers 202 at once; the rows are "
            + "captured in the background")
    public ResponseEntity<LeadImports.Progress> start(@RequestBody String csv,
                                                      @RequestParam(required = false) String fileName,
                                                      Authentication caller) {
        UUID importId = imports.start(csv, fileName, Actor.id(caller));
        return ResponseEntity.accepted().location(URI.create("/api/crm/imports/" + importId))
                .body(imports.progress(importId, 0).orElseThrow());
    }

    @GetMapping("/{importId}")
    @Operation(summary = "An import's progress (status RUNNING / COMPLETED / FAILED; rows processed, captured, "
            + "duplicates, failed) with its first 100 error rows")
    public LeadImports.Progress progress(@PathVariable UUID importId) {
        return imports.progress(importId, 100).orElseThrow(CrmImportController::notFound);
    }

    @GetMapping(value = "/{importId}/errors.csv", produces = "text/csv")
    @Operation(summary = "Every error row of an import as CSV: row, code, message, line")
    public ResponseEntity<byte[]> errors(@PathVariable UUID importId) {
        imports.progress(importId, 0).orElseThrow(CrmImportController::notFound);
        StringBuilder csv = new StringBuilder("row,code,message,line\n");
        for (LeadImports.RowError error : imports.errors(importId, LeadImports.MAX_ROWS)) {
            csv.append(error.row()).append(',').append(quote(error.code())).append(',')
                    .append(quote(error.message())).append(',').append(quote(error.line())).append('\n');
        }
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"import-" + importId + "-errors.csv\"")
                .contentType(MediaType.parseMediaType("text/csv")).body(csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String quote(String value) {
        String text = value == null ? "" : value;
        if (text.startsWith("=") || text.startsWith("+") || text.startsWith("-") || text.startsWith("@")) {
            text = "'" + text; // never a formula in a spreadsheet
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }

    private static RuleViolation notFound() {
        return new RuleViolation("import-not-found", RuleViolation.Kind.NOT_FOUND, "No such import");
    }
}
