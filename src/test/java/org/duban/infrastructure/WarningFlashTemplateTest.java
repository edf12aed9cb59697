package org.duban.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockServletContext;
import org.springframework.web.servlet.mvc.support.RedirectAttributesModelMap;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * The layout shows a refusal flashed by {@link Refusals#flash}: its key alone, or with its
 * arguments.
 */
class WarningFlashTemplateTest {

  private static String warningOf(UserError error) {
    RedirectAttributesModelMap redirect = new RedirectAttributesModelMap();
    Refusals.flash(redirect, error);

    StaticMessageSource messages = new StaticMessageSource();
    messages.addMessage("book.notEditable", Locale.SIMPLIFIED_CHINESE, "任务书已下达，不能再修改");
    messages.addMessage("urge.limit.daily", Locale.SIMPLIFIED_CHINESE, "每人每天最多催办 {0} 次");
    SpringTemplateEngine engine = new SpringTemplateEngine();
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
    resolver.setPrefix("templates/");
    resolver.setSuffix(".html");
    resolver.setTemplateMode(TemplateMode.HTML);
    resolver.setCharacterEncoding("UTF-8");
    engine.setTemplateResolver(resolver);
    engine.setTemplateEngineMessageSource(messages);

    MockServletContext servletContext = new MockServletContext();
    var exchange =
        JakartaServletWebApplication.buildApplication(servletContext)
            .buildExchange(
                new MockHttpServletRequest(servletContext, "GET", "/books"),
                new MockHttpServletResponse());
    WebContext context = new WebContext(exchange, Locale.SIMPLIFIED_CHINESE);
    // after the redirect the flash attributes are the page's model
    redirect.getFlashAttributes().forEach(context::setVariable);
    return engine.process("layout", Set.of("p.warning"), context);
  }

  @Test
  void aKeyAloneIsShownAsItsMessage() {
    assertThat(warningOf(new UserError("book.notEditable"))).contains(">任务书已下达，不能再修改</p>");
  }

  @Test
  void aKeyWithArgumentsIsShownWithThem() {
    assertThat(warningOf(new UserError("urge.limit.daily", 20))).contains(">每人每天最多催办 20 次</p>");
  }
}
