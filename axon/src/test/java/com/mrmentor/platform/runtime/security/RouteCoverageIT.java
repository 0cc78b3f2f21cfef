package com.mrmentor.platform.runtime.security;

import com.mrmentor.platform.runtime.support.ApiClient;
import com.mrmentor.platform.runtime.support.IdentityApi;
import com.mrmentor.platform.runtime.support.IntegrationTest;
import com.mrmentor.platform.shared.identity.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every route the platform serves is listed in the security configuration: an endpoint added without a rule is
 * denied to everyone (deny by default), which this test turns into a failure naming the route. An account holding
 * every role may reach every current route (some, such as a mentor's own availability, are for one role only, not
 * for administrators); the security layer's refusal is recognised by its problem detail. A route that ends the
 * caller's session (sign-out) would leave the following ones unchecked (401), so the caller signs in again then.
 */
class RouteCoverageIT extends IntegrationTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyPlatformRouteHasAnAccessRule() {
        IdentityApi.Account everyRole = identity().newAccountByInvitation(admin(), "every-role", "ADMIN");
        ApiClient.Response granted = identity().changeRoles(admin(), everyRole.userId(),
                Arrays.stream(Role.values()).map(Role::name).toList());
        assertThat(granted.status()).as("every role: %s", granted).isEqualTo(204);
        String caller = signIn(everyRole);
        List<String> routes = new ArrayList<>();
        List<String> unlisted = new ArrayList<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/api/")) {
                    continue; // framework routes (error page, API docs) have their own rules
                }
                String path = pattern.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
                for (RequestMethod method : info.getMethodsCondition().getMethods()) {
                    routes.add(method + " " + pattern);
                    String body = method == RequestMethod.GET ? null : "{}";
                    ApiClient.Response response = api().send(method.name(), path, caller, body, Map.of());
                    if (response.status() == 401) {
                        caller = signIn(everyRole);
                        response = api().send(method.name(), path, caller, body, Map.of());
                    }
                    if (response.status() == 403 && "Your role may not do this".equals(
                            response.body().path("detail").asText())) {
                        unlisted.add(method + " " + pattern);
                    }
                }
            }
        }

        assertThat(routes).as("the platform's routes").hasSizeGreaterThanOrEqualTo(12);
        assertThat(unlisted).as("routes without a rule in SecurityConfig").isEmpty();
    }

    private String signIn(IdentityApi.Account account) {
        return identity().login(account.email(), account.password()).accessToken();
    }
}
