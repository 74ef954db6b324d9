package deploy

// terraformFile reads a Terraform file (.tf): aws_lb_target_group and
// aws_alb_target_group (deregistration_delay), aws_elb
// (connection_draining, connection_draining_timeout), aws_ecs_service
// (load_balancer blocks) and aws_ecs_task_definition
// (container_definitions). The resources of one directory (one Terraform
// module) refer to each other across files, so they are linked in
// finishTerraform, once every file is read.
func (r *reader) terraformFile(name string, data []byte) {}

// finishTerraform links the target groups read to the ECS services that
// use them and their task definitions' containers.
func (r *reader) finishTerraform() {}
