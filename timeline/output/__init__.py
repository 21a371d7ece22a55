"""The write phase's last step: ``writer`` puts the rendered files into their marked folder
(``site_src/timeline/``), each written only if its bytes changed, atomically."""
