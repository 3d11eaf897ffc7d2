"""The Streamlit app: pages, widgets and session helpers. The only package that imports streamlit."""
