"""Running the dashboard as several replicas behind nginx."""
