package com.mrmentor.platform.runtime.privacy;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.PropertyName;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.ser.BeanPropertyWriter;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import com.mrmentor.platform.shared.common.DataSubject;
import com.mrmentor.platform.shared.common.PersonalData;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Encrypts {@link PersonalData} components on their way into storage and decrypts them on the way out; for Axon's
 * storage mapper only.
 *
 * <ul>
 *   <li>Writing: a {@code @PersonalData} property (it must be a {@code String}) is written sealed with the key of the
 *       same object's {@link DataSubject} component, of which there must be exactly one (else serializing the class
 *       fails, naming it). Found once per class: Jackson caches the serializer it builds.</li>
 *   <li>Reading: a {@code @PersonalData} {@code String} property, record components read through their constructor
 *       included, is opened ({@link PersonalDataCipher#open}). Other strings are never opened, even if they look
 *       sealed: a user-typed field such as a profession must not be able to pull a stranger's ciphertext, nor make an
 *       event unreadable with a fake one.</li>
 * </ul>
 *
 * <p><b>Never expose this module as a Spring bean of type {@code Module}:</b> Spring Boot installs every such bean
 * into the HTTP {@code ObjectMapper}, whose answers would then be sealed. {@code AxonSerializationConfig} creates it.
 */
public final class PersonalDataJacksonModule extends SimpleModule {

    public PersonalDataJacksonModule(PersonalDataCipher cipher) {
        super("PersonalDataJacksonModule");
        setSerializerModifier(new SealingModifier(cipher));
        addDeserializer(String.class, new OpeningStringDeserializer(cipher, false));
    }

    /** Replaces the writers of personal properties by sealing ones. */
    private static final class SealingModifier extends BeanSerializerModifier {

        private final PersonalDataCipher cipher;

        SealingModifier(PersonalDataCipher cipher) {
            this.cipher = cipher;
        }

        @Override
        public List<BeanPropertyWriter> changeProperties(SerializationConfig config, BeanDescription beanDesc,
                                                         List<BeanPropertyWriter> writers) {
            SubjectAccessor subject = null;
            List<BeanPropertyWriter> changed = new ArrayList<>(writers.size());
            for (BeanPropertyWriter writer : writers) {
                if (writer.getAnnotation(PersonalData.class) == null) {
                    changed.add(writer);
                    continue;
                }
                Class<?> type = beanDesc.getBeanClass();
                if (!writer.getType().hasRawClass(String.class)) {
                    throw new IllegalStateException("@PersonalData " + type.getName() + "." + writer.getName()
                            + " must be a String: only strings are encrypted");
                }
                if (subject == null) {
                    subject = SubjectAccessor.of(type);
                }
                changed.add(new SealingPropertyWriter(writer, subject, cipher));
            }
            return changed;
        }
    }

    /** Writes the sealed value instead of the plaintext; {@code null} stays {@code null}. */
    private static final class SealingPropertyWriter extends BeanPropertyWriter {

        private final SubjectAccessor subject;
        private final PersonalDataCipher cipher;

        SealingPropertyWriter(BeanPropertyWriter base, SubjectAccessor subject, PersonalDataCipher cipher) {
            super(base);
            this.subject = subject;
            this.cipher = cipher;
        }

        private SealingPropertyWriter(BeanPropertyWriter base, PropertyName name, SubjectAccessor subject,
                                      PersonalDataCipher cipher) {
            super(base, name);
            this.subject = subject;
            this.cipher = cipher;
        }

        @Override
        protected BeanPropertyWriter _new(PropertyName newName) {
            return new SealingPropertyWriter(this, newName, subject, cipher);
        }

        @Override
        public void serializeAsField(Object bean, JsonGenerator gen, SerializerProvider prov) throws Exception {
            String plaintext = (String) get(bean);
            if (plaintext == null || suppressed(plaintext)) {
                super.serializeAsField(bean, gen, prov);
                return;
            }
            gen.writeFieldName(_name);
            gen.writeString(cipher.seal(subject.of(bean), plaintext));
        }

        @Override
        public void serializeAsElement(Object bean, JsonGenerator gen, SerializerProvider prov) throws Exception {
            String plaintext = (String) get(bean);
            if (plaintext == null) {
                super.serializeAsElement(bean, gen, prov);
                return;
            }
            gen.writeString(cipher.seal(subject.of(bean), plaintext));
        }

        private boolean suppressed(String plaintext) {
            if (_suppressableValue == null) {
                return false;
            }
            return MARKER_FOR_EMPTY == _suppressableValue ? plaintext.isEmpty() : _suppressableValue.equals(plaintext);
        }
    }

    /**
     * Reads strings as Jackson does; for a {@code @PersonalData} {@code String} property, contextualises into one that
     * also opens sealed values.
     */
    private static final class OpeningStringDeserializer extends StdScalarDeserializer<String>
            implements ContextualDeserializer {

        private final PersonalDataCipher cipher;
        private final boolean opening;

        OpeningStringDeserializer(PersonalDataCipher cipher, boolean opening) {
            super(String.class);
            this.cipher = cipher;
            this.opening = opening;
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) {
            if (property != null && property.getType().hasRawClass(String.class)
                    && property.getAnnotation(PersonalData.class) != null) {
                return opening ? this : new OpeningStringDeserializer(cipher, true);
            }
            return StringDeserializer.instance;
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String value = StringDeserializer.instance.deserialize(p, ctxt);
            return opening ? cipher.open(value) : value;
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Textual;
        }

        @Override
        public Object getEmptyValue(DeserializationContext ctxt) {
            return "";
        }

        @Override
        public boolean isCachable() {
            return true;
        }
    }

    /** Reads the {@link DataSubject} of an object; found once per class. */
    private static final class SubjectAccessor {

        private final Class<?> type;
        private final Member member;

        private SubjectAccessor(Class<?> type, Member member) {
            this.type = type;
            this.member = member;
        }

        static SubjectAccessor of(Class<?> type) {
            List<Member> candidates = new ArrayList<>();
            if (type.isRecord()) {
                for (RecordComponent component : type.getRecordComponents()) {
                    if (component.isAnnotationPresent(DataSubject.class)) {
                        candidates.add(component.getAccessor());
                    }
                }
            } else {
                for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
                    for (Field field : c.getDeclaredFields()) {
                        if (field.isAnnotationPresent(DataSubject.class) && !Modifier.isStatic(field.getModifiers())) {
                            candidates.add(field);
                        }
                    }
                }
                if (candidates.isEmpty()) {
                    for (Method method : type.getMethods()) {
                        if (method.isAnnotationPresent(DataSubject.class) && method.getParameterCount() == 0) {
                            candidates.add(method);
                        }
                    }
                }
            }
            if (candidates.size() != 1) {
                throw new IllegalStateException(type.getName() + " has @PersonalData components, so it needs exactly "
                        + "one @DataSubject UUID component naming whose key encrypts them; found "
                        + candidates.size());
            }
            Member member = candidates.get(0);
            Class<?> memberType = member instanceof Field field ? field.getType() : ((Method) member).getReturnType();
            if (memberType != UUID.class) {
                throw new IllegalStateException("@DataSubject " + type.getName() + "." + member.getName()
                        + " must be a UUID");
            }
            if (member instanceof Field field) {
                field.setAccessible(true);
            } else {
                ((Method) member).setAccessible(true);
            }
            return new SubjectAccessor(type, member);
        }

        UUID of(Object bean) {
            UUID subject;
            try {
                subject = member instanceof Field field ? (UUID) field.get(bean) : (UUID) ((Method) member).invoke(bean);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("Cannot read @DataSubject " + type.getName() + "." + member.getName(), e);
            }
            if (subject == null) {
                throw new IllegalStateException("@DataSubject " + type.getName() + "." + member.getName()
                        + " is null, but the object holds personal data");
            }
            return subject;
        }
    }
}
