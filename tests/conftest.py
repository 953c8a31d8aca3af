"""Suite-wide settings: Hypothesis without per-example deadlines (CI machines are shared)."""

from hypothesis import HealthCheck, settings

settings.register_profile("linebot_fp", deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("linebot_fp")
