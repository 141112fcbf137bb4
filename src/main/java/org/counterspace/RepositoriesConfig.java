package org.counterspace;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.jpa.repository.query.QueryEnhancerFactories;
import org.springframework.data.jpa.repository.query.QueryEnhancerSelector;
import org.springframework.data.jpa.repository.support.JpaRepositoryFactoryBean;

/**
 * The repositories' declared queries are read by Spring Data's light query enhancer, not by its ANTLR
 * HQL grammar: a fifth of the main thread's start-up went into that parse (JFR, bench/startup.sh),
 * only to learn about queries that are never re-sorted and whose count queries are plain. Hibernate
 * still parses and checks every query when its repository is made. The repositories themselves stay
 * Spring Boot's (with their deferred bootstrap, see application.properties).
 */
@Configuration(proxyBeanMethods = false)
class RepositoriesConfig {

    @Bean
    static BeanPostProcessor plainQueryEnhancer() {
        return new BeanPostProcessor() {

            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof JpaRepositoryFactoryBean<?, ?, ?> repositories) {
                    repositories.setQueryEnhancerSelectorSource(new PlainQueries());
                }
                return bean;
            }
        };
    }

    static class PlainQueries extends QueryEnhancerSelector.DefaultQueryEnhancerSelector {

        PlainQueries() {
            super(QueryEnhancerFactories.fallback(), QueryEnhancerFactories.fallback());
        }
    }
}
