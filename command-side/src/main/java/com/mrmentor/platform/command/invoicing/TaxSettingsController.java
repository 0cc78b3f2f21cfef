package com.mrmentor.platform.command.invoicing;

import com.mrmentor.platform.command.common.Actor;
import com.mrmentor.platform.command.common.CommandSender;
import com.mrmentor.platform.shared.invoicing.ChangePointOfTaxation;
import com.mrmentor.platform.shared.invoicing.PointOfTaxation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Finance's tax setting: when GST on tokens falls due for purchases from now on. */
@RestController
@RequestMapping("/api/finance/tax-settings")
@Tag(name = "Invoicing: commands")
public class TaxSettingsController {

    private final CommandSender commands;

    public TaxSettingsController(CommandSender commands) {
        this.commands = commands;
    }

    @PutMapping
    @Operation(summary = "Set the point of taxation of new purchases (FINANCE): REDEMPTION (receipt at purchase, "
            + "tax invoice per session) or PURCHASE (tax invoice at purchase); earlier purchases keep theirs")
    public Changed change(@Valid @RequestBody ChangeRequest request, Authentication caller) {
        PointOfTaxation now = commands.send(new ChangePointOfTaxation(request.pointOfTaxation(), request.reason(),
                Actor.id(caller)));
        return new Changed(now);
    }

    /** Body of the change. */
    public record ChangeRequest(@NotNull PointOfTaxation pointOfTaxation, @NotBlank @Size(max = 500) String reason) {
    }

    /** The setting now in force. */
    public record Changed(PointOfTaxation pointOfTaxation) {
    }
}
