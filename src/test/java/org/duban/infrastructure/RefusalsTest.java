package org.duban.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.servlet.mvc.support.RedirectAttributesModelMap;

/** The one way to refuse: beside the field, above the form, or as the warning after a redirect. */
class RefusalsTest {

  /** A form with one field, as the pages bind them. */
  public static class NameForm {
    private String name;

    public String getName() {
      return name;
    }

    public void setName(String name) {
      this.name = name;
    }
  }

  private static BindingResult bound() {
    return new BeanPropertyBindingResult(new NameForm(), "nameForm");
  }

  private static StaticMessageSource messages() {
    StaticMessageSource messages = new StaticMessageSource();
    messages.addMessage("name.taken", Locale.SIMPLIFIED_CHINESE, "名称「{0}」已被使用");
    messages.addMessage("name.taken", Locale.ENGLISH, "The name \"{0}\" is taken");
    messages.addMessage("form.nothingChanged", Locale.SIMPLIFIED_CHINESE, "没有任何变化");
    return messages;
  }

  @Test
  void aRefusalOfAFieldIsShownBesideIt() {
    BindingResult result = bound();

    Refusals.reject(result, UserError.at("name", "name.taken", "医务部"));

    assertThat(result.getGlobalErrors()).isEmpty();
    assertThat(result.getFieldErrors("name"))
        .singleElement()
        .satisfies(
            error -> {
              assertThat(error.getCode()).isEqualTo("name.taken");
              assertThat(error.getArguments()).containsExactly("医务部");
            });
  }

  @Test
  void aRefusalOfNoFieldIsShownAboveTheForm() {
    BindingResult result = bound();

    Refusals.reject(result, new UserError("form.nothingChanged"));

    assertThat(result.getFieldErrors()).isEmpty();
    assertThat(result.getGlobalErrors())
        .singleElement()
        .satisfies(error -> assertThat(error.getCode()).isEqualTo("form.nothingChanged"));
  }

  @Test
  void aFieldTheFormDoesNotHaveIsShownAboveTheForm() {
    BindingResult result = bound();

    Refusals.reject(result, UserError.at("reviewDecision", "form.nothingChanged"));

    assertThat(result.getFieldErrors()).isEmpty();
    assertThat(result.getGlobalErrors())
        .extracting(e -> e.getCode())
        .containsExactly("form.nothingChanged");
  }

  @Test
  void everyProblemRefusedTogetherIsShown() {
    BindingResult result = bound();
    UserError all =
        UserError.of(
            List.of(
                new UserError("form.nothingChanged"), UserError.at("name", "name.taken", "医务部")));

    Refusals.reject(result, all);

    assertThat(all.key()).isEqualTo("form.nothingChanged");
    assertThat(all.problems())
        .extracting(UserError::key)
        .containsExactly("form.nothingChanged", "name.taken");
    assertThat(result.getGlobalErrors()).hasSize(1);
    assertThat(result.getFieldErrors("name")).hasSize(1);
    assertThatThrownBy(() -> UserError.of(List.of())).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void afterARedirectTheRefusalIsThePagesWarningWithItsArguments() {
    RedirectAttributesModelMap plain = new RedirectAttributesModelMap();
    Refusals.flash(plain, new UserError("form.nothingChanged"));
    assertThat(plain.getFlashAttributes().keySet()).containsOnly(Refusals.WARNING);
    assertThat(plain.getFlashAttributes().get(Refusals.WARNING)).isEqualTo("form.nothingChanged");

    RedirectAttributesModelMap withArgs = new RedirectAttributesModelMap();
    Refusals.flash(withArgs, UserError.at("name", "name.taken", "医务部"));
    assertThat(withArgs.getFlashAttributes().get(Refusals.WARNING)).isEqualTo("name.taken");
    assertThat((Object[]) withArgs.getFlashAttributes().get(Refusals.WARNING_ARGS))
        .containsExactly("医务部");
  }

  @Test
  void aFormThatShowsErrorsByFieldGetsTheMessagesInTheReadersLanguage() {
    UserError all =
        UserError.of(
            List.of(
                UserError.at("name", "name.taken", "医务部"), new UserError("form.nothingChanged")));

    Map<String, String> byField = Refusals.byField(all, messages(), Locale.SIMPLIFIED_CHINESE);

    assertThat(byField).containsExactly(Map.entry("name", "名称「医务部」已被使用"), Map.entry("", "没有任何变化"));
    assertThat(
            Refusals.messages(
                UserError.at("name", "name.taken", "Medical"), messages(), Locale.ENGLISH))
        .containsExactly("The name \"Medical\" is taken");
    assertThat(messages().getMessage(new UserError("name.taken", "医务部"), Locale.SIMPLIFIED_CHINESE))
        .isEqualTo("名称「医务部」已被使用");
  }

  @Test
  void aDetailTravelsWithTheRefusal() {
    UserError refused = new UserError("name.taken", "医务部").withDetail(List.of("row 3", "row 5"));

    assertThat(refused.key()).isEqualTo("name.taken");
    assertThat(refused.args()).containsExactly("医务部");
    assertThat(refused.problems()).containsExactly(refused);
    assertThat(refused.detail(List.class)).contains(List.of("row 3", "row 5"));
    assertThat(refused.detail(String.class)).isEmpty();
  }
}
