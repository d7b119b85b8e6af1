package com.example.sales;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
public class OrderRepository {
  private final NamedParameterJdbcTemplate jdbc;

  public OrderRepository(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public long count() {
    return jdbc.getJdbcTemplate().queryForObject("SELECT COUNT(*) FROM orders", Long.class);
  }

  public List<Long> idsInRegion(String region) {
    return jdbc.queryForList("SELECT id FROM orders WHERE region = :region ORDER BY id",
        Map.of("region", region), Long.class);
  }

  public BigDecimal totalAbove(BigDecimal minimum) {
    return jdbc.queryForObject("SELECT SUM(total) FROM orders WHERE total > :minimum",
        Map.of("minimum", minimum), BigDecimal.class);
  }
}
